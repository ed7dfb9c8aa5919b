// The hosts that limit a GCM, grouped by cause as the CLI groups them: "3 hosts lack te, cte: h1, h2, h3".
// A host that caps the generation and lacks features is in both groups; features lacked by exactly the
// same hosts share a group.
import { el } from './dom.js';

const SHOWN = 8; // host names shown per cause; the rest behind "and N more"

export function groupLimits(limitedBy) {
  const generation = new Map();
  const ibc = [];
  const byFeature = new Map();
  for (const l of limitedBy || []) {
    if (l.capsGeneration) {
      if (!generation.has(l.definition)) generation.set(l.definition, []);
      generation.get(l.definition).push(l.host);
    }
    if (l.capsIbc) ibc.push(l.host);
    for (const f of l.removes || []) {
      if (!byFeature.has(f)) byFeature.set(f, []);
      byFeature.get(f).push(l.host);
    }
  }
  const groups = [];
  for (const [def, hosts] of generation) groups.push({ cause: 'generation', detail: def, hosts: hosts.sort() });
  if (ibc.length) groups.push({ cause: 'ibc', detail: '', hosts: ibc.sort() });
  const byHosts = new Map();
  for (const [feature, hosts] of byFeature) {
    const key = hosts.sort().join('\n');
    if (!byHosts.has(key)) byHosts.set(key, { cause: 'features', features: [], hosts });
    byHosts.get(key).features.push(feature);
  }
  const lacks = [...byHosts.values()].map((g) => ({ cause: 'features', detail: g.features.join(', '), hosts: g.hosts }));
  lacks.sort((a, b) => b.hosts.length - a.hosts.length || a.detail.localeCompare(b.detail));
  return groups.concat(lacks);
}

export function count(n, singular, plural) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** "3 hosts lack te, cte" */
export function what(g) {
  const one = g.hosts.length === 1;
  const subject = count(g.hosts.length, 'host', 'hosts');
  if (g.cause === 'generation') return `${subject} ${one ? 'caps' : 'cap'} the generation (${g.detail})`;
  if (g.cause === 'ibc') return `${subject} ${one ? 'caps the IBC (its' : 'cap the IBC (their'} unblocked level is the lowest)`;
  return `${subject} ${one ? 'lacks' : 'lack'} ${g.detail}`;
}

/** Host names: the first few, and the rest behind a disclosure. */
export function hostNames(hosts, attribute, shown = SHOWN) {
  const chip = (h) => el('span', { class: 'chip', [attribute]: h }, h);
  if (hosts.length <= shown) return el('span', { class: 'chips' }, hosts.map(chip));
  return el('span', {}, el('span', { class: 'chips' }, hosts.slice(0, shown).map(chip)),
    el('details', { class: 'more' }, el('summary', {}, `and ${(hosts.length - shown).toLocaleString('en-US')} more`),
      el('span', { class: 'chips' }, hosts.slice(shown).map(chip))));
}

/** The grouped limits as a table, or nothing when nothing limits. */
export function limitsTable(title, limitedBy) {
  const groups = groupLimits(limitedBy);
  if (groups.length === 0) return null;
  return el('div', {}, el('h4', {}, title),
    el('table', { class: 'limits' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Cause'),
      el('th', { scope: 'col' }, 'Hosts'))),
    el('tbody', {}, groups.map((g) => el('tr', { 'data-cause': g.cause },
      el('td', { class: g.cause === 'features' ? '' : 'warn' }, what(g)), el('td', {}, hostNames(g.hosts, 'data-limit')))))));
}
