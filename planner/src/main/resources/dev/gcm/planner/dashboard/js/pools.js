// Pools: each pool's GCM, the hosts that limit it grouped by cause, quarantined and stale hosts.
import { el, replace } from './dom.js';
import { get } from './api.js';
import { limitsTable, hostNames, count } from './limits.js';
import { cpuLine } from './cpuline.js';

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
      + `${pool.floor ? `; floor ${pool.floor.name}` : ''}${pool.soft ? '; soft facilities counted' : ''}`
      + `${pool.strictIbc ? '; strict IBC' : ''}${pool.deprecatedFeatures === 'off' ? '; deprecated features off' : ''})`)),
    mostlyStale(g), head,
    g.common ? cpuLine(g.qemu) : null,
    qemuView(g.qemuView),
    limitsTable('Limited by', g.limitedBy), conflicts(g.conflicts), quarantined(g.quarantined), stale(g.stale));
}

/** More than half the pool stale: what is shown is old, and the gate approves no migration to those hosts. */
function mostlyStale(g) {
  const n = (g.stale || []).length;
  if (g.hostCount === 0 || n * 2 <= g.hostCount) return null;
  return el('p', { class: 'alert', role: 'alert', 'data-testid': 'pool-stale' },
    `${n.toLocaleString('en-US')} of ${count(g.hostCount, 'host is', 'hosts are')} stale: their agents have not `
    + 'reported lately, so this GCM may be out of date, and the gate approves no migration to a stale host.');
}

/** Which QEMU release the GCM is computed in, and which host's QEMU bounds it. */
function qemuView(v) {
  if (!v) return null;
  return el('p', { class: 'muted', 'data-testid': 'qemu-view', 'data-qemu-view': v.version,
    'data-bounded-by': v.boundedBy || '' }, v.sentence);
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
  return el('div', { class: 'stale' }, el('span', { class: 'warn' }, 'Stale (still counted): '), hostNames(list, 'data-stale'));
}
