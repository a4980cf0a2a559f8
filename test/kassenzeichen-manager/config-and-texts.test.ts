import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { de } from '../../src/i18n/de.js';
import { readManagerConfig, telHref } from '../../src/kassenzeichen-manager/set-up/manager-config.js';
import { BACKENDS_META_NAME, declaredBackends } from '../../src/shared/declared-backends.js';
import { isRetryable } from '../../src/kassenzeichen-manager/flow/failures.js';
import { messageText } from '../../src/kassenzeichen-manager/problem-text.js';

const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('manager configuration', () => {
  it('resolves a relative backend-url against the page and applies the defaults', () => {
    expect(readManagerConfig(attributes({ 'backend-url': '/api/' }), 'https://www.stadt.example/portal')).to.deep.equal({
      config: {
        backendUrl: 'https://www.stadt.example/api',
        supportPhone: '02161 49 10 10',
        kassenzeichenFormat: '####.####.####',
        headingLevel: 2,
      },
      problems: [],
    });
  });

  it('refuses a backend without https outside localhost', () => {
    expect(readManagerConfig(attributes({ 'backend-url': 'http://api.example' }), 'https://www.stadt.example/').problems).to.deep.include({
      kind: 'needs-https',
      attribute: 'backend-url',
    });
  });

  it('takes an http loopback backend only on a loopback page', () => {
    const loopback = [new URL('http://127.0.0.1:8080/')];
    const onLivePage = readManagerConfig(
      attributes({ 'backend-url': 'http://127.0.0.1:8080/api' }),
      'https://www.stadt.example/',
      undefined,
      loopback,
    );
    expect(onLivePage.problems).to.deep.equal([{ kind: 'needs-https', attribute: 'backend-url' }]);
    expect(
      readManagerConfig(attributes({ 'backend-url': 'http://127.0.0.1:8080/api' }), 'http://localhost:5173/', undefined, loopback).problems,
    ).to.deep.equal([]);
  });

  describe('the token goes only where the page’s head says (a contributor may write the tag)', () => {
    const page = 'https://www.stadt.example/portal';
    const declared = [new URL('https://buergerportal.stadt.example/api')];

    it('refuses a backend on an origin the page does not declare: nothing is set up to send there', () => {
      const result = readManagerConfig(attributes({ 'backend-url': 'https://collector.example/api' }), page, undefined, declared);
      expect(result.config).to.equal(undefined);
      expect(result.problems).to.deep.equal([
        { kind: 'undeclared-backend', attribute: 'backend-url', origin: 'https://collector.example' },
      ]);
      expect(readManagerConfig(attributes({ 'backend-url': 'https://collector.example/api' }), page).config, 'nothing declared').to.equal(
        undefined,
      );
    });

    it('takes a declared origin (any path on it) and the page’s own origin without a declaration', () => {
      expect(
        readManagerConfig(attributes({ 'backend-url': 'https://buergerportal.stadt.example/v2' }), page, undefined, declared).problems,
      ).to.deep.equal([]);
      expect(readManagerConfig(attributes({ 'backend-url': '/api' }), page).problems).to.deep.equal([]);
    });

    it('without backend-url, takes the one declared backend', () => {
      expect(readManagerConfig(attributes({}), page, undefined, declared).config?.backendUrl).to.equal(
        'https://buergerportal.stadt.example/api',
      );
      const two = [...declared, new URL('https://other.stadt.example/api')];
      expect(readManagerConfig(attributes({}), page, undefined, two).problems).to.deep.equal([
        { kind: 'missing', attribute: 'backend-url' },
      ]);
    });

    it('in BFF mode the BFF’s origin must be declared as well', () => {
      expect(readManagerConfig(attributes({}), page, 'https://collector.example/bff').problems).to.deep.equal([
        { kind: 'undeclared-backend', attribute: 'bff-url', origin: 'https://collector.example' },
      ]);
      expect(readManagerConfig(attributes({}), page, 'https://buergerportal.stadt.example/bff', declared).problems).to.deep.equal([]);
    });

    it('reads the declaration only from the head: a meta element in the body (a post) counts for nothing', () => {
      const doc = document.implementation.createHTMLDocument('Seite');
      doc.head.insertAdjacentHTML(
        'beforeend',
        `<meta name="${BACKENDS_META_NAME}" content="https://buergerportal.stadt.example/api  not-a-url">`,
      );
      doc.body.insertAdjacentHTML('beforeend', `<meta name="${BACKENDS_META_NAME}" content="https://collector.example">`);
      doc.body.insertAdjacentHTML('beforeend', `<div><meta name="${BACKENDS_META_NAME}" content="https://collector2.example"></div>`);
      expect(declaredBackends(doc).map((url) => url.href)).to.deep.equal(['https://buergerportal.stadt.example/api']);
    });
  });

  it('makes a tel: link from a German number', () => {
    expect(telHref('02161 49 10 10')).to.equal('tel:+492161491010');
    expect(telHref('+49 2161 49 10 10')).to.equal('tel:+492161491010');
  });
});

describe('error texts', () => {
  it('has a plain sentence for every error kind, never the body', () => {
    for (const kind of [
      'network',
      'timeout',
      'server',
      'unexpected-response',
      'rate-limited',
      'gone',
      'conflict',
      'not-found',
      'unauthorized',
    ] as const) {
      const text = messageText({ kind: 'api', error: kind, retryAfterSeconds: 120, at: Date.now() }, [], de.manager, 'de');
      expect(text, kind).to.match(/^[A-ZÄÖÜ].*\.$/);
    }
    const maintenance = messageText(
      { kind: 'api', error: 'server', status: 503, retryAfterSeconds: 600, at: Date.UTC(2026, 10, 30, 12, 0) },
      [],
      de.manager,
      'de',
    );
    expect(maintenance).to.match(/gewartet.*ab \d\d:10 Uhr/);
  });

  it('offers a retry only where it can help', () => {
    expect(isRetryable(new ApiError('network'))).to.equal(true);
    expect(isRetryable(new ApiError('conflict'))).to.equal(false);
  });
});
