import { setupWorker } from 'msw/browser';
import { MockBackend, type Letter } from '../mock/backend.js';
import { CITY_RECORDS } from '../mock/city-records.js';
import { createHandlers } from '../mock/handlers.js';
import { isScenarioName, SCENARIOS, type ScenarioName } from '../mock/scenarios.js';
import { explainConsentRefusal } from './consent-note.js';
import { startEventLog } from './event-log.js';
import { setUpSwitches } from './switches.js';

/*
 * The demo page's stand-ins. Browser mode (default): msw plays the city's
 * backend in the page (state kept in sessionStorage so it survives the
 * sign-in redirect), the dev server's oidc-provider plays Servicekonto.NRW.
 * BFF mode (`?mode=bff`): the dev server runs the real BFF at /bff and the
 * backend's state machine at /backend; the page holds no token at all.
 * The widgets load after the stand-ins run, so their first request reaches them.
 */

const bffMode = new URLSearchParams(location.search).get('mode') === 'bff';
const login = document.querySelector('servicekonto-login')!;
if (bffMode) {
  login.setAttribute('bff-url', '/bff');
  document.querySelector('kassenzeichen-manager')!.removeAttribute('backend-url');
} else {
  // The dev server's own provider, on whatever port it runs.
  login.setAttribute('authority', `${location.origin}/oidc`);
  login.setAttribute('client-id', 'buergerportal-demo');
}
document.querySelector<HTMLAnchorElement>('#mode-switch')!.href = bffMode ? './' : './?mode=bff';
document.querySelector('#mode-name')!.textContent = bffMode ? 'BFF-Modus (Tokens nur auf dem Server)' : 'Browser-Modus';

setUpSwitches();
explainConsentRefusal(document.querySelector('#consent-note')!, document.querySelector('#consent-note-request')!);

/** What the demo panel shows of the backend, wherever it runs. */
interface DemoBackendView {
  scenario: ScenarioName;
  letters: Letter[];
}

const STATE_KEY = 'buergerportal-demo.backend';
let view: DemoBackendView;
let resetBackend: (scenario: ScenarioName) => Promise<void>;
if (bffMode) {
  const state = async (init?: RequestInit) => (await (await fetch('/demo-backend/state', init)).json()) as DemoBackendView;
  view = await state();
  resetBackend = async (scenario) => {
    await fetch(`/demo-backend/state?scenario=${scenario}`, { method: 'POST' });
  };
  // A letter goes out when the manager says so: the letterbox asks the server then.
  document.addEventListener('kassenzeichen-requested', async () => {
    view = await state();
    renderLetterbox();
  });
} else {
  const backend = new MockBackend('first-visit');
  backend.restore(sessionStorage.getItem(STATE_KEY));
  view = backend;
  backend.subscribe(() => {
    sessionStorage.setItem(STATE_KEY, backend.save());
    renderLetterbox();
  });
  resetBackend = async (scenario) => backend.reset(scenario);
  const worker = setupWorker(...createHandlers(backend, '/api'));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
}
await import('../src/index.js');

const select = document.querySelector<HTMLSelectElement>('#scenario')!;
for (const [name, label] of Object.entries(SCENARIOS)) select.add(new Option(`${label} (${name})`, name, false, name === view.scenario));
document.querySelector('#scenario-form')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (isScenarioName(select.value)) await resetBackend(select.value);
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
    ...view.letters.map((letter) => {
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

startEventLog(document.querySelector('#event-log')!, login);
