// The dashboard: sign-in (unless the planner is insecure), the views, and live updates.
import { get, follow, setToken, token, ApiError } from './api.js';
import { renderPools } from './pools.js';
import { renderHeatmap } from './heatmap.js';
import { HostsTable } from './hosts.js';
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
  hostsTable = new HostsTable($('#hosts'), $('#host-filter'));
  whatIf = new WhatIf($('#view-whatif'));
  check = new Check($('#view-check'), () => check.refreshLog());
  const catalog = await get('/catalog');
  whatIf.setDefinitions(catalog.definitions);
  for (const b of document.querySelectorAll('#nav button')) {
    b.addEventListener('click', () => show(b.dataset.view));
  }
  $('#heatmap-pool').addEventListener('change', () => renderHeatmap($('#heatmap'), $('#heatmap-pool').value));
  await refresh(true);
  follow((change) => {
    $('#live').textContent = `live · index version ${change.version}`;
    refreshing = refreshing.then(() => refresh(false)).catch(() => {});
  }, (on) => {
    $('#live').classList.toggle('on', on);
    if (!on) $('#live').textContent = 'reconnecting…';
  });
}

function showLogin(message) {
  $('#login').hidden = false;
  $('#login-error').textContent = message;
  $('#token').focus();
}

function show(view) {
  current = view;
  for (const v of views) $(`#view-${v}`).hidden = v !== view;
  for (const b of document.querySelectorAll('#nav button')) {
    if (b.dataset.view === view) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  refresh(view === 'whatif');
}

async function refresh(reloadWhatIf) {
  const [pools, hosts] = await Promise.all([get('/pools'), get('/hosts')]);
  const names = pools.pools.map((p) => p.name);
  for (const select of [$('#heatmap-pool')]) {
    const value = select.value;
    replace(select, names.map((n) => el('option', { value: n, selected: n === value }, n)));
  }
  hostsTable.update(hosts.hosts);
  check.setTargets(hosts.hosts);
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
