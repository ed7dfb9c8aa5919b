// Hosts by the features that split a pool, grouped by kind; descriptions on hover and focus.
import { el, replace } from './dom.js';
import { get } from './api.js';
import { hostNames } from './limits.js';

export async function renderHeatmap(target, pool) {
  const h = await get(`/pools/${encodeURIComponent(pool)}/heatmap`);
  if (h.hostCount === 0) {
    replace(target, el('p', {}, 'No hosts in this pool.'));
    return;
  }
  if (h.features.length === 0) {
    replace(target, el('p', { 'data-testid': 'heatmap-uniform' },
      `All ${h.hostCount} hosts offer the same ${h.commonCount} features: nothing splits this pool.`));
    return;
  }
  const kinds = [];
  for (const f of h.features) {
    const last = kinds[kinds.length - 1];
    if (last && last.kind === f.kind) last.count++; else kinds.push({ kind: f.kind, count: 1 });
  }
  const table = el('table', { class: 'heat', 'data-testid': 'heatmap' },
    el('caption', { class: 'visually-hidden' }, `Hosts of pool ${pool} by the features that split it`),
    el('thead', {},
      el('tr', { class: 'kind' }, el('td', {}), kinds.map((k) => el('th', { scope: 'colgroup', colspan: k.count }, k.kind))),
      el('tr', {}, el('th', { scope: 'col' }, 'Hosts'), h.features.map((f) => el('th', {
        scope: 'col', class: 'feature', tabindex: 0, title: `${f.name}: ${f.description} (${f.hostCount} of ${h.hostCount} hosts)`,
        'data-feature': f.name,
      }, f.name)))),
    el('tbody', {}, h.rows.map((row, i) => el('tr', { 'data-row': i },
      el('th', { scope: 'row', class: 'host', 'data-hosts': row.count }, hostNames(row.hosts, 'data-host', 3)),
      h.features.map((f) => {
        const on = f.rows.includes(i);
        return el('td', { class: on ? 'on' : '', title: `${on ? 'offer' : 'lack'} ${f.name}`,
          'aria-label': `${on ? 'offer' : 'lack'} ${f.name}` });
      })))));
  replace(target, el('p', { class: 'muted' }, `${h.features.length} features split the pool's ${h.hostCount} hosts into `
    + `${h.rows.length} groups; ${h.commonCount} features are offered by every host. Hosts with the same features share a row.`),
    table);
}
