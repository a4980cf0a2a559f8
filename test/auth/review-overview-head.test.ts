import { expect } from '@open-wc/testing';
import { readLoginConfig, type BrowserLoginConfig } from '../../src/auth/login-config.js';
import { askOverviewEarlyWithToken } from '../../src/auth/overview-head.js';
import { userKeys } from '../../src/auth/signed-out-probe.js';
import { readManagerConfig } from '../../src/kassenzeichen-manager/set-up/manager-config.js';
import { findSession } from '../../src/kassenzeichen-manager/set-up/session-source.js';
import { configReader } from '../../src/shared/config-reader.js';
import { declaredBackends } from '../../src/shared/declared-backends.js';
import { AUTHORITY, CLIENT_ID, resetAuthState } from '../support/fake-provider.js';
import { fetchesDuring } from '../support/record-fetch.js';

/*
 * Review (attacker: a contributor writing markup into the page body). The
 * first file's GETs with the stored bearer token must go only where the
 * manager itself would send – compared here with readManagerConfig and
 * findSession on the same markup – and never to an origin the head does not
 * declare. Each test FAILS where a defect is found.
 */

function config(extra: Record<string, string> = {}): BrowserLoginConfig {
  const attributes: Record<string, string> = { authority: AUTHORITY, 'client-id': CLIENT_ID, ...extra };
  const result = readLoginConfig((name) => attributes[name] ?? null, location);
  if (!result.ok || result.config.mode !== 'browser') throw new Error('config');
  return result.config;
}

function storeUser(): void {
  const user = { access_token: 'stored-token', expires_at: Math.floor(Date.now() / 1000) + 300, profile: { sub: 'erika' } };
  sessionStorage.setItem(userKeys(config()).key, JSON.stringify(user));
}

interface Outcome {
  sent: string[];
  thrown?: unknown;
  /** What the manager elements' own set-up would use: backend URL (or a problem), per manager. */
  managers: string[];
}

/** Puts `markup` in the body (a contributor's post), runs the first file's function, and reads each manager's own configuration. */
function run(markup: string, headMeta?: string): Outcome {
  const meta = headMeta
    ? Object.assign(document.createElement('meta'), { name: 'buergerportal-widgets-backends', content: headMeta })
    : undefined;
  if (meta) document.head.append(meta);
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  let thrown: unknown;
  const sent = fetchesDuring(() => {
    try {
      askOverviewEarlyWithToken(config());
    } catch (error) {
      thrown = error;
    }
  });
  const managers = [...box.querySelectorAll('kassenzeichen-manager')].map((manager) => {
    try {
      const source = findSession(manager);
      const bff = source.config?.mode === 'bff' ? source.config.bffUrl : undefined;
      const own = readManagerConfig(configReader(manager), location.href, bff, declaredBackends(document));
      const problems = [...own.problems, ...source.problems];
      if (problems.length) return `problem ${problems.map((p) => p.kind).join(',')}`;
      return bff ? `bff ${own.config!.backendUrl}` : own.config!.backendUrl;
    } catch (error) {
      return `throws ${String(error)}`;
    }
  });
  box.remove();
  meta?.remove();
  return { sent, thrown, managers };
}

const LOGIN = `<servicekonto-login id="login" authority="${AUTHORITY}" client-id="${CLIENT_ID}" token-storage="session"></servicekonto-login>`;
const EVIL = 'https://evil.example';

describe('review: the first file’s bearer GETs against contributor markup', () => {
  beforeEach(() => {
    resetAuthState();
    storeUser();
  });

  it('a <form name="head"> (DOM clobbering of document.head) with a <meta> in the body declares no backend for the early GETs', () => {
    const out = run(
      `${LOGIN}<form name="head"><meta name="buergerportal-widgets-backends" content="${EVIL}"></form>` +
        `<kassenzeichen-manager backend-url="${EVIL}/api"></kassenzeichen-manager>`,
    );
    expect(out.sent, 'token sent to an origin only the body declared').to.deep.equal([]);
  });

  it('the same clobbering does not make the manager’s own configuration accept the undeclared backend', () => {
    const out = run(
      `${LOGIN}<form name="head"><meta name="buergerportal-widgets-backends" content="${EVIL}"></form>` +
        `<kassenzeichen-manager backend-url="${EVIL}/api"></kassenzeichen-manager>`,
    );
    expect(out.managers[0]).to.match(/^problem/);
  });

  it('a <img name="head"> / <img name="getElementsByTagName"> does not stop the login from starting (no throw)', () => {
    const out = run(`${LOGIN}<img name="getElementsByTagName"><kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`);
    expect(out.thrown, String(out.thrown)).to.equal(undefined);
  });

  it('a manager with an unparsable backend-url does not make the first file throw (the login would never start)', () => {
    const out = run(`${LOGIN}<kassenzeichen-manager backend-url="https://["></kassenzeichen-manager>`);
    expect(out.thrown, String(out.thrown)).to.equal(undefined);
    expect(out.sent).to.deep.equal([]);
  });

  it('a property-named backendUrl attribute: the early GETs go where the manager goes, not to the one declared backend', () => {
    const out = run(`${LOGIN}<kassenzeichen-manager backendUrl="/other-api"></kassenzeichen-manager>`, 'https://api.declared.example/v1');
    expect(out.managers).to.deep.equal([`${location.origin}/other-api`]);
    const targets = out.sent.map((line) => line.split(' ')[0]);
    for (const target of targets) expect(target.startsWith(`${out.managers[0]}/`), target).to.equal(true);
  });

  it('a property-named bffUrl attribute (the manager is then in BFF mode) gets no bearer token sent', () => {
    const out = run(`${LOGIN}<kassenzeichen-manager bffUrl="${location.origin}/bff" backend-url="/api"></kassenzeichen-manager>`);
    expect(out.managers[0]).to.match(/^bff /);
    expect(out.sent).to.deep.equal([]);
  });

  it('a manager that shows the editor’s message (invalid heading-level) sends nothing, early either', () => {
    const out = run(`${LOGIN}<kassenzeichen-manager backend-url="/api" heading-level="9"></kassenzeichen-manager>`);
    expect(out.managers[0]).to.match(/^problem/);
    expect(out.sent).to.deep.equal([]);
  });

  it('a manager whose login="login" is shadowed by an earlier element with that id (login-not-found) sends nothing, early either', () => {
    const out = run(`<div id="login"></div>${LOGIN}<kassenzeichen-manager login="login" backend-url="/api"></kassenzeichen-manager>`);
    expect(out.managers[0]).to.match(/^problem/);
    expect(out.sent).to.deep.equal([]);
  });

  it('held: trailing slashes, whitespace, case and default port give the same address the manager uses, sent once', () => {
    const out = run(
      `${LOGIN}<kassenzeichen-manager backend-url="  /api//  "></kassenzeichen-manager>` +
        `<kassenzeichen-manager backend-url="${location.origin}/api/"></kassenzeichen-manager>`,
    );
    expect(out.managers).to.deep.equal([`${location.origin}/api`, `${location.origin}/api`]);
    expect(out.sent).to.deep.equal([
      `${location.origin}/api/account Bearer stored-token`,
      `${location.origin}/api/kassenzeichen Bearer stored-token`,
    ]);
  });

  it('held: a <meta> declaring a backend in the body is not taken; a <base href> does not move a relative backend-url', () => {
    const out = run(
      `${LOGIN}<meta name="buergerportal-widgets-backends" content="${EVIL}"><base href="${EVIL}/">` +
        `<kassenzeichen-manager backend-url="${EVIL}/api"></kassenzeichen-manager><kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`,
    );
    expect(out.sent.filter((line) => line.startsWith(EVIL))).to.deep.equal([]);
    expect(out.sent.every((line) => line.startsWith(`${location.origin}/api/`))).to.equal(true);
  });
});
