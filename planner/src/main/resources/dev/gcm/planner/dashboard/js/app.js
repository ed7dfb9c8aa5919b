// The dashboard: sign-in (unless the planner is insecure), the views (one per #hash, so a tab can be
// linked and survives a reload), live updates, and a loud warning when most hosts are stale.
import { get, follow, setToken, token, ApiError } from './api.js';
import { renderPools } from './pools.js';
import { renderHeatmap } from './heatmap.js';
import { HostsTable, allHosts } from './hosts.js';
import { WhatIf } from './whatif.js';
import { Check } from './check.js';
import { el, replace } from './dom.js';

const $ = (s) => document.querySelector(s);
const views = ['pools', 'hosts', 'heatmap', 'whatif', 'check'];
let current = 'pools';
let hostsTable;
let whatIf;
let check;
let refreshing = Promise.resolve();
const live = { connected: false, version: null, stale: 0, hosts: 0 };

async function start() {
  try {
    await get('/pools');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      const refused = token() !== null;
      setToken(null);
      showLogin(refused ? 'That token was refused.' : '');
      return;
    }
    $('#live').textContent = `cannot reach the planner: ${e.message}`;
    return;
  }
  $('#login').hidden = true;
  $('#nav').hidden = false;
  $('#main').hidden = false;
  hostsTable = new HostsTable($('#view-hosts'));
  whatIf = new WhatIf($('#view-whatif'));
  check = new Check($('#view-check'), () => check.refreshLog());
  const catalog = await get('/catalog');
  whatIf.setDefinitions(catalog.definitions);
  $('#heatmap-pool').addEventListener('change', () => renderHeatmap($('#heatmap'), $('#heatmap-pool').value));
  window.addEventListener('hashchange', () => show(viewOf(location.hash)));
  current = viewOf(location.hash);
  select(current);
  await refresh(true);
  follow((change) => {
    live.version = change.version;
    showLive();
    refreshing = refreshing.then(() => refresh(false)).catch(() => {});
  }, (on) => {
    live.connected = on;
    showLive();
  });
}

function viewOf(hash) {
  const v = (hash || '').replace(/^#/, '');
  return views.includes(v) ? v : 'pools';
}

function showLogin(message) {
  $('#login').hidden = false;
  $('#login-error').textContent = message;
  $('#token').focus();
}

function select(view) {
  for (const v of views) $(`#view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function show(view) {
  if (view === current) return;
  current = view;
  select(view);
  refresh(view === 'whatif');
}

/** The header: green "live" only while connected and most hosts report; else it says what is wrong. */
function showLive() {
  const badge = $('#live');
  const mostlyStale = live.hosts > 0 && live.stale * 2 > live.hosts;
  badge.classList.toggle('on', live.connected && !mostlyStale);
  badge.classList.toggle('stale', live.connected && mostlyStale);
  if (!live.connected) {
    badge.textContent = 'reconnecting…';
  } else if (mostlyStale) {
    badge.textContent = `connected · ${live.stale} of ${live.hosts} hosts stale`;
  } else {
    badge.textContent = `live${live.version === null ? '' : ` · index version ${live.version}`}`;
  }
  const banner = $('#stale-banner');
  banner.hidden = !mostlyStale;
  replace(banner, mostlyStale ? staleWords(live) : []);
}

function staleWords(l) {
  return [el('strong', {}, `${l.stale} of ${l.hosts} hosts are stale.`), ' Their agents have not reported lately, so what '
    + 'this page shows may be out of date, and the gate approves no migration to a stale host. Are the agents running?'];
}

async function refresh(reloadWhatIf) {
  const pools = await get('/pools');
  // the default pool counts every host: its counts are the fleet's
  const all = pools.pools.find((p) => p.name === 'default') || { hostCount: 0, staleCount: 0 };
  live.hosts = all.hostCount || 0;
  live.stale = all.staleCount || 0;
  showLive();
  const names = pools.pools.map((p) => p.name);
  for (const select of [$('#heatmap-pool')]) {
    const value = select.value;
    replace(select, names.map((n) => el('option', { value: n, selected: n === value }, n)));
  }
  hostsTable.setPools(names);
  if (current === 'hosts') await hostsTable.load();
  if (current === 'check') check.setTargets(await allHosts());
  if (current === 'pools') await renderPools($('#pools'), pools.pools);
  if (current === 'heatmap') await renderHeatmap($('#heatmap'), $('#heatmap-pool').value);
  if (current === 'whatif' && reloadWhatIf) {
    whatIf.setPools(names);
    await whatIf.load();
  }
  if (current === 'check') await check.refreshLog();
}

$('#login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken($('#token').value.trim());
  start();
});

start();
