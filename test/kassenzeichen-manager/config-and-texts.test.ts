import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { de } from '../../src/i18n/de.js';
import { readManagerConfig, telHref } from '../../src/kassenzeichen-manager/manager-config.js';
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
    expect(readManagerConfig(attributes({ 'backend-url': 'http://api.example' }), 'https://www.stadt.example/').problems).to.deep.equal([
      { kind: 'needs-https', attribute: 'backend-url' },
    ]);
  });

  it('takes an http loopback backend only on a loopback page', () => {
    const onLivePage = readManagerConfig(attributes({ 'backend-url': 'http://127.0.0.1:8080/api' }), 'https://www.stadt.example/');
    expect(onLivePage.problems).to.deep.equal([{ kind: 'needs-https', attribute: 'backend-url' }]);
    expect(readManagerConfig(attributes({ 'backend-url': 'http://127.0.0.1:8080/api' }), 'http://localhost:5173/').problems).to.deep.equal(
      [],
    );
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
