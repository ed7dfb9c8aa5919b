// The hosts table: sortable by any column (buttons in the headers), filtered by any text.
import { el, replace, age } from './dom.js';

const SHOWN = 1000; // rows drawn at most; filter to find the others

const COLUMNS = [
  ['hostId', 'Host'], ['machineType', 'Machine'], ['definition', 'Definition'], ['ibc', 'IBC range'],
  ['state', 'Freshness'], ['cordoned', 'Cordoned'], ['guests', 'Guests'], ['pools', 'Pools'],
];

export class HostsTable {
  constructor(table, filter) {
    this.table = table;
    this.filter = filter;
    this.hosts = [];
    this.sortKey = 'hostId';
    this.ascending = true;
    filter.addEventListener('input', () => this.render());
    replace(table.tHead.rows[0], COLUMNS.map(([key, label]) => el('th', { scope: 'col', 'aria-sort': 'none', 'data-key': key },
      el('button', { type: 'button', onclick: () => this.sortBy(key) }, label))));
  }

  update(hosts) {
    this.hosts = hosts.map((h) => ({ ...h, ibc: h.ibcLowest ? `${h.ibcLowest}..${h.ibcUnblocked}` : '-',
      pools: (h.pools || []).join(', ') }));
    this.render();
  }

  sortBy(key) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
    this.render();
  }

  render() {
    const needle = this.filter.value.trim().toLowerCase();
    const rows = this.hosts.filter((h) => !needle || COLUMNS.some(([k]) => String(h[k]).toLowerCase().includes(needle)));
    const k = this.sortKey;
    rows.sort((a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0) * (this.ascending ? 1 : -1));
    for (const th of this.table.tHead.rows[0].cells) {
      th.setAttribute('aria-sort', th.dataset.key === k ? (this.ascending ? 'ascending' : 'descending') : 'none');
    }
    const caption = this.table.caption;
    caption.textContent = rows.length > SHOWN
      ? `Showing ${SHOWN} of ${rows.length} hosts; filter to narrow. Activate a column header to sort.`
      : 'Hosts; activate a column header to sort';
    caption.className = rows.length > SHOWN ? 'muted' : 'visually-hidden';
    replace(this.table.tBodies[0], rows.slice(0, SHOWN).map((h) => el('tr', { 'data-host': h.hostId },
      el('td', {}, h.hostId), el('td', {}, h.machineType), el('td', {}, h.definition), el('td', {}, h.ibc),
      el('td', { class: h.state === 'fresh' ? 'ok' : 'warn' }, `${h.state} (${age(h.ageSeconds)} ago)`),
      el('td', { class: h.cordoned ? 'warn' : '' }, h.cordoned ? 'yes' : 'no'),
      el('td', {}, h.guests), el('td', {}, h.pools))));
  }
}
