import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import { AUTHORITY, CLIENT_ID, resetAuthState } from '../support/fake-provider.js';
import { BACKEND_URL } from '../support/mock-backend.js';
import { buttonNamed, settled, textOf } from '../support/queries.js';

/*
 * The markup React's server renderer writes for the typed props (`clientId`,
 * `idleTimeout={900}`): attributes under the property's name, which HTML keeps
 * in lower case. React 19's hydration sets no property, so the elements take
 * these attributes themselves (test/e2e/server-rendering.e2e proves it with
 * React's and Vue's real server renderers).
 */

/** Parses server markup as the browser does, then connects it. */
function serverRendered<T extends Element>(markup: string): T {
  const container = document.createElement('div');
  container.innerHTML = markup;
  document.body.append(container);
  return container.firstElementChild as T;
}

const editorsBox = (element: Element) => element.shadowRoot!.querySelector('[part~="config-error"]');

describe('attributes under the property’s name (React’s server markup)', () => {
  afterEach(() => {
    document.body.replaceChildren();
    resetAuthState();
  });

  it('configure <servicekonto-login>, numbers and fixed values through the property’s converter', async () => {
    const login = serverRendered<ServicekontoLogin>(
      `<servicekonto-login authority="${AUTHORITY}" clientId="${CLIENT_ID}" idleTimeout="900" tokenStorage="memory" signOutMethod="get"></servicekonto-login>`,
    );
    await settled(login);
    expect([login.clientId, login.idleTimeout, login.tokenStorage, login.signOutMethod]).to.deep.equal([CLIENT_ID, 900, 'memory', 'get']);
    expect(editorsBox(login)).to.equal(null);
    expect(buttonNamed(login, 'Zum Servicekonto.NRW')).to.exist;
  });

  it('configure <kassenzeichen-manager>', async () => {
    serverRendered(`<servicekonto-login id="login" authority="${AUTHORITY}" clientId="${CLIENT_ID}"></servicekonto-login>`);
    const manager = serverRendered<KassenzeichenManager>(
      `<kassenzeichen-manager login="login" backendUrl="${BACKEND_URL}" headingLevel="3" supportPhone="02161 25-0"></kassenzeichen-manager>`,
    );
    await settled(manager);
    expect([manager.backendUrl, manager.headingLevel, manager.supportPhone]).to.deep.equal([BACKEND_URL, 3, '02161 25-0']);
    expect(editorsBox(manager)).to.equal(null);
    expect(textOf(manager)).to.contain('melden Sie sich bitte an');
    expect(manager.shadowRoot!.querySelector('h3')).to.exist;
  });

  it('give way to the dashed attribute, and count only at the first connect', async () => {
    const login = serverRendered<ServicekontoLogin>(
      `<servicekonto-login authority="${AUTHORITY}" client-id="${CLIENT_ID}" clientId="ignored" idleTimeout="900"></servicekonto-login>`,
    );
    await settled(login);
    expect(login.clientId).to.equal(CLIENT_ID);

    // After hydration React sets properties; moving the element must not bring the server's value back.
    login.idleTimeout = 600;
    const parent = login.parentElement!;
    login.remove();
    parent.append(login);
    await settled(login);
    expect(login.idleTimeout).to.equal(600);
  });
});
