// Hosts by the features that split a pool, grouped by kind; descriptions on hover and focus.
import { el, replace } from './dom.js';
import { get } from './api.js';

export async function renderHeatmap(target, pool) {
  const h = await get(`/pools/${encodeURIComponent(pool)}/heatmap`);
  if (h.hosts.length === 0) {
    replace(target, el('p', {}, 'No hosts in this pool.'));
    return;
  }
  if (h.features.length === 0) {
    replace(target, el('p', { 'data-testid': 'heatmap-uniform' },
      `All ${h.hosts.length} hosts offer the same ${h.commonCount} features: nothing splits this pool.`));
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
      el('tr', {}, el('th', { scope: 'col' }, 'Host'), h.features.map((f) => el('th', {
        scope: 'col', class: 'feature', tabindex: 0, title: `${f.name}: ${f.description} (${f.hostCount} of ${h.hosts.length} hosts)`,
        'data-feature': f.name,
      }, f.name)))),
    el('tbody', {}, h.hosts.map((host, i) => el('tr', { 'data-host': host },
      el('th', { scope: 'row', class: 'host' }, host),
      h.features.map((f) => {
        const on = f.hosts.includes(i);
        return el('td', { class: on ? 'on' : '', title: `${host} ${on ? 'offers' : 'lacks'} ${f.name}`,
          'aria-label': `${on ? 'offers' : 'lacks'} ${f.name}` });
      })))));
  replace(target, el('p', { class: 'muted' }, `${h.features.length} features split the pool; `
    + `${h.commonCount} are offered by every host.`), table);
}
