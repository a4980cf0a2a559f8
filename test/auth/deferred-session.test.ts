import { expect } from '@open-wc/testing';
import { DeferredSession, SessionFileFailed } from '../../src/auth/deferred-session.js';
import { SESSION_FILE } from '../../src/shared/side-files.js';
import { readLoginConfig, type LoginConfig } from '../../src/auth/login-config.js';
import type { AuthSession, SessionSnapshot } from '../../src/auth/session.js';
import type { SessionFactory } from '../../src/auth/session-factory.js';
import type { SessionHead } from '../../src/auth/session-head.js';
import { AUTHORITY, CLIENT_ID, resetAuthState, returnFromProvider, seedSignedInUser, seedSignInState } from '../support/fake-provider.js';

/*
 * The stand-in the script's first file has for a session until the session's
 * file is there (deferred-session.ts): what it shows on its own, what it
 * passes on, and what a file that does not come leaves the citizen with.
 */

function config(): LoginConfig {
  const attributes: Record<string, string> = { authority: AUTHORITY, 'client-id': CLIENT_ID };
  const result = readLoginConfig((name) => attributes[name] ?? null, location);
  if (!result.ok) throw new Error('config');
  return result.config;
}

/** A real session stand-in that records what it was asked. */
function fakeReal(log: string[], first: SessionSnapshot = { status: 'signed-out' }): AuthSession {
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  const real = {
    key: 'fake',
    snapshot: { status: 'starting' } as SessionSnapshot,
    subscribe: (listener: (snapshot: SessionSnapshot) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    start: async () => {
      log.push('start');
      real.snapshot = first;
      for (const listener of listeners) listener(first);
    },
    signIn: async () => void log.push('signIn'),
    prepareSignIn: () => void log.push('prepareSignIn'),
    signOut: async () => void log.push('signOut'),
    getAccessToken: async () => 'token',
    requestAuthorization: () => ({ headers: async () => ({ Authorization: 'Bearer token' }) }),
    renew: async () => 'token',
    extend: async () => undefined,
    noteActivity: () => void log.push('activity'),
    settled: async () => undefined,
    retry: async () => undefined,
    dispose: () => void log.push('dispose'),
  };
  return real;
}

/** A factory that resolves when `release()` is called. */
function heldFactory(real: AuthSession, heads: SessionHead[] = []) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const load = async (): Promise<SessionFactory> => {
    await arrived;
    return (_config, head) => {
      heads.push(head ?? {});
      return real;
    };
  };
  return { load, release };
}

describe('DeferredSession (the first file’s stand-in for the session)', () => {
  beforeEach(resetAuthState);

  it('shows the sign-in button before the session’s file is there when nobody can be signed in', async () => {
    const log: string[] = [];
    const { load, release } = heldFactory(fakeReal(log));
    const session = new DeferredSession(config(), load);
    const seen: string[] = [];
    session.subscribe((snapshot) => seen.push(snapshot.status));
    const started = session.start();
    expect(session.snapshot.status).to.equal('signed-out');
    release();
    await started;
    expect(log).to.deep.equal(['start']);
    expect(seen).to.deep.equal(['signed-out', 'signed-out']);
  });

  it('says nothing of its own while a stored sign-in may be valid: the session decides', async () => {
    seedSignedInUser();
    const log: string[] = [];
    const { load, release } = heldFactory(fakeReal(log, { status: 'signed-in', subject: 'x' }));
    const session = new DeferredSession(config(), load);
    const started = session.start();
    expect(session.snapshot.status).to.equal('starting');
    release();
    await started;
    expect(session.snapshot.status).to.equal('signed-in');
  });

  it('a click before the file: the button is busy, two clicks are one sign-in, the busy mark stays until the redirect', async () => {
    const log: string[] = [];
    const { load, release } = heldFactory(fakeReal(log));
    const session = new DeferredSession(config(), load);
    const seen: SessionSnapshot[] = [];
    session.subscribe((snapshot) => seen.push(snapshot));
    void session.start();
    const first = session.signIn();
    const second = session.signIn();
    expect(session.snapshot.redirecting).to.equal(true);
    release();
    await Promise.all([first, second]);
    expect(log.filter((entry) => entry === 'signIn')).to.have.length(1);
    expect(seen.slice(1).every((snapshot) => snapshot.redirecting)).to.equal(true, 'never enabled again in between');
  });

  it('a file that is missing: the editor’s failure naming it; one lost on the way: the citizen’s, and a retry asks again', async () => {
    const missing = new DeferredSession(config(), () => Promise.reject(new SessionFileFailed('module-missing')));
    await missing.start();
    expect(missing.snapshot).to.include({ status: 'failed', failure: 'module-missing', missingFile: SESSION_FILE });

    const log: string[] = [];
    let attempts = 0;
    const lost = new DeferredSession(config(), async () => {
      attempts += 1;
      if (attempts === 1) throw new SessionFileFailed('provider-unreachable');
      return () => fakeReal(log);
    });
    await lost.start();
    expect(lost.snapshot).to.include({ status: 'failed', failure: 'provider-unreachable' });
    await lost.retry();
    expect(attempts).to.equal(2);
    expect(lost.snapshot.status).to.equal('signed-out');
  });

  it('passes calls on to the real session once it is there, and lets go of it', async () => {
    const log: string[] = [];
    const session = new DeferredSession(config(), async () => () => fakeReal(log));
    expect(await session.getAccessToken()).to.equal('token');
    expect(await session.requestAuthorization().headers()).to.deep.equal({ Authorization: 'Bearer token' });
    session.noteActivity();
    session.prepareSignIn();
    session.dispose();
    expect(log).to.deep.equal(['start', 'activity', 'prepareSignIn', 'dispose']);
  });

  it('authorises requests made before the file is there through the real session once it comes', async () => {
    const log: string[] = [];
    const { load, release } = heldFactory(fakeReal(log));
    const session = new DeferredSession(config(), load);
    const authorization = session.requestAuthorization();
    const headers = authorization.headers();
    release();
    expect(await headers).to.deep.equal({ Authorization: 'Bearer token' });
  });

  it('hands the real session nothing begun when the address is no answer from the provider', async () => {
    const heads: SessionHead[] = [];
    const { load, release } = heldFactory(fakeReal([]), heads);
    const session = new DeferredSession(config(), load);
    const started = session.start();
    release();
    await started;
    expect(heads).to.deep.equal([{}]);
  });

  it('on the way back with a kept discovery document: the code goes to the token endpoint before the file is there, checks first', async () => {
    const tokenEndpoint = `${AUTHORITY}/token-for-deferred-test`;
    sessionStorage.setItem(
      `buergerportal-widgets.metadata:${AUTHORITY}`,
      JSON.stringify({ issuer: AUTHORITY, token_endpoint: tokenEndpoint }),
    );
    seedSignInState('s-deferred');
    const posted: string[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      posted.push(`${init?.method} ${String(input)}`);
      return new Response('{}', { status: 400 });
    };
    try {
      returnFromProvider(`code=c1&state=s-deferred&iss=${encodeURIComponent('https://elsewhere.example')}`);
      const refused = new DeferredSession(config(), () => new Promise(() => undefined));
      void refused.start();
      expect(posted, 'a foreign iss: the code never leaves the page').to.deep.equal([]);

      seedSignInState('s-deferred-2');
      returnFromProvider(`code=c2&state=s-deferred-2&iss=${encodeURIComponent(AUTHORITY)}`);
      const heads: SessionHead[] = [];
      const { load } = heldFactory(fakeReal([]), heads);
      void new DeferredSession(config(), load).start();
      expect(posted).to.deep.equal([`POST ${tokenEndpoint}`]);
      expect(sessionStorage.getItem('buergerportal-widgets.state.s-deferred-2'), 'the record is used once').to.equal(null);
    } finally {
      window.fetch = original;
    }
  });
});
