// Pools: each pool's GCM, the hosts that limit it and how, quarantined and stale hosts.
import { el, replace } from './dom.js';
import { get } from './api.js';

export async function renderPools(target, pools) {
  const cards = [];
  for (const p of pools) {
    const gcm = await get(`/pools/${encodeURIComponent(p.name)}/gcm`);
    cards.push(card(p, gcm));
  }
  replace(target, cards);
}

function card(pool, g) {
  const d = g.definition || {};
  const head = g.common
    ? el('p', { class: 'gcm', 'data-testid': 'gcm' }, 'GCM ', el('strong', { 'data-gcm': d.name }, d.name), ' ',
        el('span', { class: 'muted' }, `generation ${d.generation} GA ${d.ga}, machine type ${d.machineType}, IBC ${g.ibc}, `),
        el('span', { 'data-feature-count': g.features.length }, `${g.features.length} features`))
    : el('p', { class: 'gcm bad', 'data-testid': 'gcm', 'data-gcm': 'none' },
        g.hostCount === 0 ? 'no hosts yet' : 'no common model');
  const selector = Object.entries(pool.selector || {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'all hosts';
  return el('article', { class: 'pool', 'data-pool': pool.name },
    el('h3', {}, pool.name, ' ', el('span', { class: 'muted' }, `(${g.hostCount} hosts; ${selector}`
      + `${pool.floor ? `; floor ${pool.floor.name}` : ''}${pool.soft ? '; soft facilities counted' : ''})`)),
    head,
    g.common ? el('p', {}, el('code', {}, `-cpu ${cpuArg(g.qemu)}`)) : null,
    limits(g.limitedBy), conflicts(g.conflicts), quarantined(g.quarantined), stale(g.stale));
}

function cpuArg(info) {
  return [info.name, ...Object.entries(info.props || {}).map(([k, v]) => `${k}=${v ? 'on' : 'off'}`)].join(',');
}

function limits(list) {
  if (!list || list.length === 0) return null;
  return el('div', {}, el('h4', {}, 'Limited by'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Host'), el('th', { scope: 'col' }, 'Definition'),
      el('th', { scope: 'col' }, 'How'))),
    el('tbody', {}, list.map((l) => el('tr', { 'data-limit': l.host }, el('td', {}, l.host), el('td', {}, l.definition),
      el('td', {}, how(l)))))));
}

/** What one limiting host does: caps the generation, caps the IBC, lacks features. */
function how(l) {
  const parts = [];
  if (l.capsGeneration) parts.push(el('span', { class: 'warn', 'data-caps': 'generation' }, 'caps the generation'));
  if (l.capsIbc) parts.push(el('span', { class: 'warn', 'data-caps': 'ibc' }, 'caps the IBC (lowest unblocked level)'));
  if (l.removes.length) {
    parts.push(el('span', {}, 'lacks ', el('span', { class: 'chips' }, l.removes.map((f) => el('span', { class: 'chip' }, f)))));
  }
  return parts.flatMap((p, i) => (i === 0 ? [p] : ['; ', p]));
}

function conflicts(list) {
  if (!list || list.length === 0) return null;
  return el('ul', {}, list.map((c) => el('li', { class: 'bad' }, `${c.code}: ${c.message}`)));
}

function quarantined(map) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return null;
  return el('p', {}, el('span', { class: 'warn' }, 'Quarantined: '),
    entries.map(([h, why]) => `${h} (${why})`).join('; '));
}

function stale(list) {
  if (!list || list.length === 0) return null;
  return el('p', {}, el('span', { class: 'warn' }, 'Stale (still counted): '), list.join(', '));
}
