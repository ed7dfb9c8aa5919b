// What-if: retire hosts (untick) and add hypothetical ones; the planner computes, nothing changes.
import { el, replace } from './dom.js';
import { get, post } from './api.js';
import { limitsTable } from './limits.js';
import { allHosts } from './hosts.js';

export class WhatIf {
  constructor(root) {
    this.pool = root.querySelector('#whatif-pool');
    this.hosts = root.querySelector('#whatif-hosts');
    this.def = root.querySelector('#whatif-def');
    this.addedList = root.querySelector('#whatif-added');
    this.result = root.querySelector('#whatif-result');
    this.added = [];
    this.pool.addEventListener('change', () => this.load());
    root.querySelector('#whatif-add').addEventListener('click', () => {
      this.added.push(this.def.value);
      this.renderAdded();
      this.compute();
    });
  }

  setDefinitions(defs) {
    this.definitions = defs;
    this.renderChoices([]);
  }

  /** Definitions (as a KVM host of that machine presents them) and, after them, copies of the pool's hosts. */
  renderChoices(members) {
    const value = this.def.value;
    replace(this.def, el('optgroup', { label: 'A host of this machine (as KVM presents it)' },
      (this.definitions || []).map((d) => el('option', { value: d.name, selected: d.name === value }, `${d.name} (${d.description})`))),
    members.length ? el('optgroup', { label: 'A copy of an existing host' },
      members.map((h) => el('option', { value: `like:${h.hostId}` }, `like ${h.hostId} (${h.definition})`))) : null);
  }

  setPools(names) {
    const current = this.pool.value;
    replace(this.pool, names.map((n) => el('option', { value: n, selected: n === current }, n)));
  }

  async load() {
    const [members, gcm] = await Promise.all([allHosts({ pool: this.pool.value }),
      get(`/pools/${encodeURIComponent(this.pool.value)}/gcm`)]);
    this.renderChoices(members);
    replace(this.hosts, members.map((h) => el('label', {},
      el('input', { type: 'checkbox', checked: true, value: h.hostId, onchange: () => this.compute() }),
      `${h.hostId} (${h.definition})`)));
    // a host like the pool's GCM is the first thing to try adding
    if (gcm.common && [...this.def.options].some((o) => o.value === gcm.definition.name)) {
      this.def.value = gcm.definition.name;
    }
    this.added = [];
    this.renderAdded();
    await this.compute();
  }

  renderAdded() {
    replace(this.addedList, this.added.map((d, i) => el('li', {}, `new-${i + 1}: ${d} `,
      el('button', { type: 'button', onclick: () => { this.added.splice(i, 1); this.renderAdded(); this.compute(); } },
        `Remove new-${i + 1}`))));
  }

  async compute() {
    const remove = [...this.hosts.querySelectorAll('input:not(:checked)')].map((i) => i.value);
    const add = this.added.map((choice, i) => (choice.startsWith('like:')
      ? { id: `new-${i + 1}`, like: choice.slice(5) } : { id: `new-${i + 1}`, definition: choice }));
    try {
      const r = await post(`/pools/${encodeURIComponent(this.pool.value)}/what-if`, { remove, add });
      replace(this.result, el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, 'Hosts'),
          el('th', { scope: 'col' }, 'GCM'), el('th', { scope: 'col' }, 'IBC'), el('th', { scope: 'col' }, 'Features'))),
        el('tbody', {}, row('Now', r.before, 'before'), row('After', r.after, 'after'))),
        added(r.added),
        limitsTable('Limited by, after', r.after.limitedBy),
        guests('Guests that would lose their last target', r.guestsLosingTheirLastTarget, false),
        guests('Guests that could not run on an added host', r.guestsThatCannotRunOnAddedHosts, true));
    } catch (e) {
      replace(this.result, el('p', { class: 'error', role: 'alert' }, e.message));
    }
  }
}

/** What each added host is: where it comes from, its definition and IBC range. */
function added(list) {
  if (!list || list.length === 0) return null;
  return el('ul', { class: 'muted' }, list.map((h) => el('li', { 'data-added': h.id },
    `${h.id}: ${h.origin}, ${h.definition}${h.ibcLowest ? ` IBC ${h.ibcLowest}..${h.ibcUnblocked}` : ''}, ${h.features} features`)));
}

function row(label, g, id) {
  return el('tr', { 'data-whatif': id },
    el('th', { scope: 'row' }, label), el('td', {}, g.hostCount),
    el('td', { 'data-gcm': g.common ? g.definition.name : 'none' }, g.common ? g.definition.name : 'no common model'),
    el('td', {}, g.common ? g.ibc : '-'), el('td', {}, g.common ? g.features.length : 0));
}

/** Each guest, and why it loses its place whenever the planner says why. */
function guests(title, list, added) {
  if (!list || list.length === 0) return null;
  return el('div', {}, el('h3', {}, title), el('ul', {}, list.map((g) => el('li', { 'data-guest': g.guest },
    `${g.guest} on ${g.host}${added ? ` (cannot run on ${g.addedHost})` : ''}`, why(g)))));
}

function why(g) {
  if (g.reason && !g.reasons) return el('span', { class: 'muted' }, `: ${g.reason}`);
  const items = (g.reasons || []).map((r) => (typeof r === 'string' ? el('li', {}, r)
    : el('li', { 'data-reason': r.code }, el('strong', {}, r.code), r.message ? `: ${r.message}` : '',
      r.features && r.features.length ? ` (${r.features.join(', ')})` : '')));
  if (g.removedTargets && g.removedTargets.length) {
    items.push(el('li', { 'data-removed-targets': g.removedTargets.join(' ') },
      `the hosts that could take it are removed: ${g.removedTargets.join(', ')}`
      + `${g.removedTargetCount > g.removedTargets.length ? ` and ${g.removedTargetCount - g.removedTargets.length} more` : ''}`));
  }
  return items.length ? el('ul', { class: 'why' }, items) : null;
}
