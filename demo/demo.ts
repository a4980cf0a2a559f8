import { setupWorker } from 'msw/browser';
import { MockBackend } from '../mock/backend.js';
import { CITY_RECORDS } from '../mock/city-records.js';
import { createHandlers } from '../mock/handlers.js';
import { isScenarioName, SCENARIOS } from '../mock/scenarios.js';

/*
 * The demo page's stand-ins: msw plays the city's backend (state kept in
 * sessionStorage so it survives the sign-in redirect), the dev server's
 * oidc-provider plays Servicekonto.NRW. The widgets load after the worker
 * runs, so their first request already reaches the mock.
 */

// The dev server's own provider, on whatever port it runs.
document.querySelector('servicekonto-login')!.setAttribute('authority', `${location.origin}/oidc`);

const THEME_KEY = 'buergerportal-demo.theme';
const themeSwitch = document.querySelector<HTMLInputElement>('#theme-switch')!;
const applyTheme = (on: boolean) => document.documentElement.classList.toggle('theme-gruenheim', on);
themeSwitch.checked = sessionStorage.getItem(THEME_KEY) === 'on';
applyTheme(themeSwitch.checked);
themeSwitch.addEventListener('change', () => {
  sessionStorage.setItem(THEME_KEY, themeSwitch.checked ? 'on' : 'off');
  applyTheme(themeSwitch.checked);
});

const STATE_KEY = 'buergerportal-demo.backend';
const backend = new MockBackend('first-visit');
backend.restore(sessionStorage.getItem(STATE_KEY));
backend.subscribe(() => {
  sessionStorage.setItem(STATE_KEY, backend.save());
  renderLetterbox();
});

const worker = setupWorker(...createHandlers(backend, '/api'));
await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
await import('../src/index.js');

const select = document.querySelector<HTMLSelectElement>('#scenario')!;
for (const [name, label] of Object.entries(SCENARIOS)) select.add(new Option(`${label} (${name})`, name, false, name === backend.scenario));
document.querySelector('#scenario-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  if (isScenarioName(select.value)) backend.reset(select.value);
  // A new scenario starts afresh: no half-typed entries of the last one come back.
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('buergerportal-widgets.draft:')) sessionStorage.removeItem(key);
  location.reload();
});

const testData = document.querySelector('#test-data')!;
for (const record of CITY_RECORDS.filter((r) => r.holder === 'demo')) {
  const item = document.createElement('li');
  item.textContent = `${record.kassenzeichen} – ${record.address.street} ${record.address.houseNumber}, ${record.address.postalCode}`;
  testData.append(item);
}

function renderLetterbox(): void {
  const box = document.querySelector('#letterbox');
  if (!box) return;
  box.replaceChildren(
    ...backend.letters.map((letter) => {
      const item = document.createElement('li');
      item.className = 'letter';
      const code = document.createElement('code');
      code.textContent = letter.code;
      item.append(
        `Brief vom ${new Date(letter.sentAt).toLocaleDateString('de-DE')} für Kassenzeichen ${letter.kassenzeichen}: Ihr Bestätigungscode lautet `,
        code,
      );
      return item;
    }),
  );
}
renderLetterbox();

const log = document.querySelector('#event-log')!;
for (const type of [
  'servicekonto-signed-in',
  'servicekonto-signed-out',
  'servicekonto-session-expiring',
  'servicekonto-error',
  'kassenzeichen-changed',
  'kassenzeichen-requested',
  'kassenzeichen-confirmed',
  'kassenzeichen-error',
]) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    log.prepend(item);
  });
}
