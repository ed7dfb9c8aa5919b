// The migration check form and the decision log.
import { el, replace } from './dom.js';
import { get, post, ApiError } from './api.js';

export class Check {
  constructor(root, onDecided) {
    this.guest = root.querySelector('#check-guest');
    this.target = root.querySelector('#check-target');
    this.result = root.querySelector('#check-result');
    this.log = root.querySelector('#decisions tbody');
    root.querySelector('#check-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.check().then(onDecided);
    });
  }

  setTargets(hosts) {
    const current = this.target.value;
    replace(this.target, hosts.map((h) => el('option', { value: h.hostId, selected: h.hostId === current },
      `${h.hostId} (${h.definition})`)));
  }

  async check() {
    const text = this.guest.value.trim();
    try {
      let decision;
      if (text.startsWith('{')) {
        decision = await post('/migrations/check', { guest: { model: JSON.parse(text) }, target: this.target.value });
      } else {
        try {
          decision = await post('/migrations/check', { guest: { name: text }, target: this.target.value });
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 'GUEST_UNKNOWN') throw e;
          decision = await post('/migrations/check', { guest: { name: text, model: { name: text } },
            target: this.target.value });
        }
      }
      const ok = decision.decision === 'approved';
      replace(this.result, el('p', { class: ok ? 'ok' : 'bad', 'data-decision': decision.decision },
        `${ok ? 'Approved' : 'Rejected'}: ${decision.guest} → ${decision.target}`),
        decision.reasons.length ? el('ul', {}, decision.reasons.map((r) => el('li', { 'data-reason': r.code },
          el('strong', {}, r.code), `: ${r.message}`, r.features && r.features.length ? ` (${r.features.join(', ')})` : '')))
          : null,
        (decision.notices || []).length ? el('ul', {}, decision.notices.map((r) => el('li', { 'data-notice': r.code },
          el('strong', {}, r.code), `: ${r.message}`))) : null);
    } catch (e) {
      replace(this.result, el('p', { class: 'error', role: 'alert' }, e instanceof SyntaxError
        ? `The guest is not valid JSON: ${e.message}` : e.message));
    }
  }

  async refreshLog() {
    const log = await get('/decisions?limit=50');
    // newest first, as gcm decisions prints it
    const newest = log.decisions.slice().reverse().sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    replace(this.log, newest.map((d) => el('tr', { 'data-decision-id': d.decisionId },
      el('td', {}, d.time), el('td', { class: d.decision === 'approved' ? 'ok' : 'bad' }, d.decision),
      el('td', {}, d.guest), el('td', {}, d.target), el('td', {}, (d.reasons || []).join(', ') || '-'),
      el('td', {}, d.caller))));
  }
}
