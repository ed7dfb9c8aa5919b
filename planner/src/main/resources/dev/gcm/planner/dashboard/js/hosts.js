// The hosts table: a page of the planner's host list at a time, filtered by the planner (pool, state, label
// selector), then sortable by any column (buttons in the headers) and filtered by any text within the page.
import { el, replace, age } from './dom.js';
import { get } from './api.js';

const PAGE = 500; // hosts per page, as kubectl's chunk size

const COLUMNS = [
  ['hostId', 'Host'], ['machineType', 'Machine'], ['definition', 'Definition'], ['ibc', 'IBC range'],
  ['state', 'Freshness'], ['cordoned', 'Cordoned'], ['guests', 'Guests'], ['pools', 'Pools'], ['labels', 'Labels'],
];

/** The query string of the host list: filters, a page size, and where the page starts. */
export function hostQuery({ pool, state, selector } = {}, limit, token) {
  const q = new URLSearchParams();
  if (limit) q.set('limit', limit);
  if (pool) q.set('pool', pool);
  if (state) q.set('state', state);
  if (selector) q.set('selector', selector);
  if (token) q.set('continue', token);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every host matching the filters, fetched a page at a time. */
export async function allHosts(filters) {
  const hosts = [];
  let token = null;
  do {
    const page = await get(`/hosts${hostQuery(filters, 1000, token)}`);
    hosts.push(...page.hosts);
    token = page.continue || null;
  } while (token);
  return hosts;
}

export class HostsTable {
  constructor(root) {
    this.table = root.querySelector('#hosts');
    this.filter = root.querySelector('#host-filter');
    this.pool = root.querySelector('#host-pool');
    this.state = root.querySelector('#host-state');
    this.selector = root.querySelector('#host-selector');
    this.error = root.querySelector('#host-query-error');
    this.next = root.querySelector('#hosts-next');
    this.first = root.querySelector('#hosts-first');
    this.hosts = [];
    this.sortKey = 'hostId';
    this.ascending = true;
    this.starts = [null]; // the continue token each page so far started at
    this.following = null;
    this.total = 0;
    this.filter.addEventListener('input', () => this.render());
    root.querySelector('#host-query').addEventListener('submit', (e) => { e.preventDefault(); this.restart(); });
    this.pool.addEventListener('change', () => this.restart());
    this.state.addEventListener('change', () => this.restart());
    this.next.addEventListener('click', () => { this.starts.push(this.following); this.load(); });
    this.first.addEventListener('click', () => this.restart());
    replace(this.table.tHead.rows[0], COLUMNS.map(([key, label]) => el('th', { scope: 'col', 'aria-sort': 'none', 'data-key': key },
      el('button', { type: 'button', onclick: () => this.sortBy(key) }, label))));
  }

  setPools(names) {
    const value = this.pool.value;
    replace(this.pool, el('option', { value: '' }, 'any pool'),
      names.map((n) => el('option', { value: n, selected: n === value }, n)));
  }

  restart() {
    this.starts = [null];
    return this.load();
  }

  /** (Re)reads the current page from the planner. */
  async load() {
    const filters = { pool: this.pool.value, state: this.state.value, selector: this.selector.value.trim() };
    const start = this.starts[this.starts.length - 1];
    try {
      const page = await get(`/hosts${hostQuery(filters, PAGE, start)}`);
      this.error.textContent = '';
      this.following = page.continue || null;
      this.total = page.total;
      this.hosts = page.hosts.map((h) => ({ ...h, ibc: h.ibcLowest ? `${h.ibcLowest}..${h.ibcUnblocked}` : '-',
        pools: (h.pools || []).join(', '),
        labels: Object.entries(h.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ') }));
    } catch (e) {
      this.error.textContent = e.message;
      if (start !== null) { this.starts = [null]; } // a token of another list: back to the first page
      this.hosts = [];
      this.following = null;
      this.total = 0;
    }
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
    const from = (this.starts.length - 1) * PAGE;
    const paged = this.starts.length > 1 || this.following;
    const caption = this.table.caption;
    caption.textContent = paged
      ? `Hosts ${(from + 1).toLocaleString('en-US')}–${(from + this.hosts.length).toLocaleString('en-US')} of `
        + `${this.total.toLocaleString('en-US')}; activate a column header to sort this page.`
      : `${this.total.toLocaleString('en-US')} hosts; activate a column header to sort`;
    caption.className = paged ? 'muted' : 'visually-hidden';
    this.next.hidden = !this.following;
    this.first.hidden = this.starts.length === 1;
    replace(this.table.tBodies[0], rows.map((h) => el('tr', { 'data-host': h.hostId },
      el('td', {}, h.hostId), el('td', {}, h.machineType), el('td', {}, h.definition), el('td', {}, h.ibc),
      el('td', { class: h.state === 'fresh' ? 'ok' : 'warn' }, `${h.state} (${age(h.ageSeconds)} ago)`),
      el('td', { class: h.cordoned ? 'warn' : '' }, h.cordoned ? 'yes' : 'no'),
      el('td', {}, h.guests), el('td', {}, h.pools), el('td', {}, h.labels))));
  }
}
