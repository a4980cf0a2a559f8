import { expect } from '@open-wc/testing';
import { readLoginConfig } from '../../src/auth/login-config.js';
import { isSigninCallback, safeReturnUrl, withoutCallbackParams } from '../../src/auth/callback-url.js';

const page = { protocol: 'https:', hostname: 'www.stadt.example', origin: 'https://www.stadt.example', pathname: '/buergerportal' };
const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('sign-in configuration', () => {
  it('fills in the defaults', () => {
    const result = readLoginConfig(attributes({ authority: 'https://login.stadt.example/realms/bp/', 'client-id': ' bp ' }), page);
    expect(result).to.deep.equal({
      ok: true,
      config: {
        mode: 'browser',
        authority: 'https://login.stadt.example/realms/bp',
        clientId: 'bp',
        redirectUri: 'https://www.stadt.example/buergerportal',
        postLogoutRedirectUri: 'https://www.stadt.example/buergerportal',
        scope: 'openid profile',
        idpHint: undefined,
        provider: 'servicekonto-nrw',
        registrationUrl: 'https://servicekonto.nrw/',
        tokenStorage: 'session',
        idleTimeout: 1800,
        signOutMethod: 'post',
      },
    });
  });

  it('with bff-url: BFF mode, which has only what it uses; browser-mode attributes given anyway are named for the editor', () => {
    const result = readLoginConfig(
      attributes({ 'bff-url': '/buergerportal-bff/', authority: 'https://login.example', 'client-id': 'x', provider: 'bundid' }),
      page,
    );
    expect(result).to.deep.equal({
      ok: true,
      config: {
        mode: 'bff',
        authority: 'https://www.stadt.example/buergerportal-bff',
        provider: 'bundid',
        registrationUrl: 'https://id.bund.de/de/registration',
        bffUrl: 'https://www.stadt.example/buergerportal-bff',
        ignored: ['authority', 'client-id'],
      },
    });
  });

  it('takes sign-out-method post (default) or get, nothing else', () => {
    const read = (value: string) =>
      readLoginConfig(attributes({ authority: 'https://login.example', 'client-id': 'x', 'sign-out-method': value }), page);
    expect(read('get')).to.have.nested.property('config.signOutMethod', 'get');
    expect(read(' post ')).to.have.nested.property('config.signOutMethod', 'post');
    expect(read('delete')).to.deep.equal({
      ok: false,
      problems: [{ kind: 'invalid-value', attribute: 'sign-out-method', allowed: ['post', 'get'] }],
    });
  });

  it('takes idle-timeout in whole seconds from 300 to 86400', () => {
    const read = (value: string) =>
      readLoginConfig(attributes({ authority: 'https://login.example', 'client-id': 'x', 'idle-timeout': value }), page);
    expect(read('900')).to.have.nested.property('config.idleTimeout', 900);
    for (const wrong of ['60', '1800.5', 'halbe Stunde', '100000']) {
      expect(read(wrong), wrong).to.deep.equal({
        ok: false,
        problems: [{ kind: 'invalid-value', attribute: 'idle-timeout', allowed: ['300–86400'] }],
      });
    }
  });

  it('takes max-age in whole seconds from 0 (always the password) to 86400; none by default', () => {
    const read = (value?: string) =>
      readLoginConfig(
        attributes({ authority: 'https://login.example', 'client-id': 'x', ...(value !== undefined && { 'max-age': value }) }),
        page,
      );
    expect(read()).not.to.have.nested.property('config.maxAge');
    expect(read('0')).to.have.nested.property('config.maxAge', 0);
    for (const wrong of ['-1', '1.5', 'immer', '100000']) {
      expect(read(wrong), wrong).to.deep.equal({
        ok: false,
        problems: [{ kind: 'invalid-value', attribute: 'max-age', allowed: ['0–86400'] }],
      });
    }
  });

  it('takes an http loopback authority only on a loopback page', () => {
    const onLivePage = readLoginConfig(attributes({ authority: 'http://localhost:8080/realms/bp', 'client-id': 'x' }), page);
    expect(onLivePage).to.deep.equal({ ok: false, problems: [{ kind: 'needs-https', attribute: 'authority' }] });
    const local = { protocol: 'http:', hostname: 'localhost', origin: 'http://localhost:5173', pathname: '/' };
    expect(readLoginConfig(attributes({ authority: 'http://localhost:8080/realms/bp', 'client-id': 'x' }), local).ok).to.equal(true);
  });

  it('refuses a page without https outside localhost', () => {
    const result = readLoginConfig(attributes({ authority: 'https://login.example', 'client-id': 'x' }), { ...page, protocol: 'http:' });
    expect(result).to.deep.equal({ ok: false, problems: [{ kind: 'insecure-page' }] });
  });

  it('allows http for the authority on localhost only', () => {
    const local = { protocol: 'http:', hostname: 'localhost', origin: 'http://localhost:5173', pathname: '/' };
    expect(readLoginConfig(attributes({ authority: 'http://localhost:5173/oidc', 'client-id': 'x' }), local).ok).to.equal(true);
    expect(readLoginConfig(attributes({ authority: 'http://127.0.0.1:9/oidc', 'client-id': 'x' }), local).ok).to.equal(true);
    expect(readLoginConfig(attributes({ authority: 'javascript:alert(1)', 'client-id': 'x' }), local)).to.deep.equal({
      ok: false,
      problems: [{ kind: 'invalid-url', attribute: 'authority' }],
    });
  });
});

describe('callback URLs', () => {
  it('recognises a callback and removes its parameters, keeping the rest', () => {
    const url = new URL('https://s.example/p?x=1&code=c&state=s&iss=i&session_state=t#h');
    expect(isSigninCallback(url)).to.equal(true);
    expect(withoutCallbackParams(url).href).to.equal('https://s.example/p?x=1#h');
    expect(isSigninCallback(new URL('https://s.example/p?code=c'))).to.equal(false);
  });

  it('never returns to another origin', () => {
    const current = new URL('https://s.example/callback?code=c&state=s');
    expect(safeReturnUrl('https://evil.example/', current).href).to.equal('https://s.example/callback');
    expect(safeReturnUrl('https://s.example/start?a=1', current).href).to.equal('https://s.example/start?a=1');
    expect(safeReturnUrl(42, current).href).to.equal('https://s.example/callback');
  });
});
