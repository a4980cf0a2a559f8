import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiError, bearer, createApiClient, newIdempotencyKey, type ApiClientOptions } from '../../src/api/index.js';
import type { LinkRequest } from '../../src/api/types.js';
import { BACKEND_URL, useMockBackend, worker } from '../support/mock-backend.js';

const validRequest: LinkRequest = {
  kassenzeichen: '1500.0000.0001',
  street: 'Musterstraße',
  houseNumber: '12a',
  postalCode: '41061',
  role: 'owner',
};

function client(options: Partial<ApiClientOptions> = {}) {
  return createApiClient({ baseUrl: BACKEND_URL, authorization: bearer(async () => 'token-1'), ...options });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

/** Answers every backend request with `response` (prepended before the mock backend). */
function answerWith(response: () => Response) {
  worker.use(http.all(`${BACKEND_URL}/*`, response));
}

describe('API client', () => {
  describe('successful calls', () => {
    it('reads the account with the bearer token', async () => {
      await useMockBackend('first-visit');
      const seen: string[] = [];
      worker.use(
        http.all(`${BACKEND_URL}/*`, ({ request }) => {
          seen.push(request.headers.get('Authorization') ?? '');
        }),
      );
      const account = await client().getAccount();
      expect(account).to.deep.equal({ displayName: 'Erika Mustermann', consentRequired: true });
      expect(seen).to.deep.equal(['Bearer token-1']);
    });

    it('records consent, then lists the Kassenzeichen', async () => {
      await useMockBackend('first-visit');
      const api = client();
      await api.giveConsent();
      expect(await api.listKassenzeichen()).to.deep.equal([]);
      expect((await api.getAccount()).consentRequired).to.equal(false);
    });

    it('requests a letter with an Idempotency-Key and gets a pending item', async () => {
      const backend = await useMockBackend('first-visit');
      await client().giveConsent();
      const key = newIdempotencyKey();
      const item = await client().requestKassenzeichen(validRequest, key);
      expect(item).to.include({ kassenzeichen: '1500.0000.0001', status: 'pending', role: 'owner' });
      expect(item.requestedAt).to.be.a('string');
      const post = backend.exchanges.find((exchange) => exchange.method === 'POST');
      expect(post?.idempotencyKey).to.equal(key);
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(backend.letters).to.have.length(1);
    });

    it('sends one letter when the same logical request is retried with its key', async () => {
      const backend = await useMockBackend('first-visit');
      await client().giveConsent();
      const key = newIdempotencyKey();
      const first = await client().requestKassenzeichen(validRequest, key);
      const second = await client().requestKassenzeichen(validRequest, key);
      expect(second).to.deep.equal(first);
      expect(backend.letters).to.have.length(1);
    });

    it('confirms with the code and lists the automatically linked Kassenzeichen', async () => {
      await useMockBackend('returning');
      const api = client();
      const pending = (await api.listKassenzeichen()).find((item) => item.status === 'pending')!;
      const result = await api.confirm(pending.id, ' k7m4 p2qx ', newIdempotencyKey());
      expect(result.confirmed).to.include({ id: pending.id, status: 'confirmed' });
      expect(result.autoLinked.map((item) => item.kassenzeichen)).to.deep.equal(['1500.0000.0003']);
      expect(result.autoLinked[0].status).to.equal('confirmed');
    });

    it('answers a confirmation repeated with its key as the first time: confirmed, not „no pending request“', async () => {
      const backend = await useMockBackend('returning');
      const api = client();
      const pending = (await api.listKassenzeichen()).find((item) => item.status === 'pending')!;
      const key = newIdempotencyKey();
      const first = await api.confirm(pending.id, 'K7M4P2QX', key);
      const again = await api.confirm(pending.id, 'K7M4P2QX', key);
      expect(again).to.deep.equal(first);
      const confirmations = backend.exchanges.filter((exchange) => exchange.path.endsWith('/confirmation'));
      expect(confirmations.map((exchange) => [exchange.idempotencyKey, exchange.response.status])).to.deep.equal([
        [key, 200],
        [key, 200],
      ]);
      const other = await failure(api.confirm(pending.id, 'K7M4P2QX', newIdempotencyKey()));
      expect(other.kind, 'a new key is a new confirmation: nothing pending any more').to.equal('not-found');
    });

    it('asks for a new letter and removes a Kassenzeichen', async () => {
      const backend = await useMockBackend('returning');
      const api = client();
      const [confirmed, pending] = await api.listKassenzeichen();
      const item = await api.requestNewLetter(pending.id, newIdempotencyKey());
      expect(item.status).to.equal('pending');
      expect(backend.letters).to.have.length(2);
      await api.remove(confirmed.id);
      expect((await api.listKassenzeichen()).map((i) => i.id)).to.deep.equal([pending.id]);
    });

    it('encodes the id in the path', async () => {
      await useMockBackend('returning');
      const paths: string[] = [];
      worker.use(
        http.all(`${BACKEND_URL}/*`, ({ request }) => {
          paths.push(new URL(request.url).pathname);
        }),
      );
      const error = await failure(client().remove('a/b?c'));
      expect(error.kind).to.equal('not-found');
      expect(paths).to.deep.equal(['/api/kassenzeichen/a%2Fb%3Fc']);
    });
  });

  describe('errors of the contract', () => {
    it('maps 401 to unauthorized', async () => {
      const backend = await useMockBackend('returning');
      backend.rejectedTokens.add('token-1');
      expect((await failure(client().getAccount())).kind).to.equal('unauthorized');
    });

    it('does not call the backend without a token', async () => {
      const backend = await useMockBackend('returning');
      const error = await failure(client({ authorization: bearer(async () => null) }).getAccount());
      expect(error.kind).to.equal('unauthorized');
      expect(backend.exchanges).to.have.length(0);
    });

    it('renews once on a 401 and retries with the same Idempotency-Key', async () => {
      const backend = await useMockBackend('first-visit');
      backend.reset('returning');
      backend.rejectedTokens.add('old');
      let renewals = 0;
      let token = 'old';
      const api = client({
        authorization: bearer(
          async () => token,
          async () => {
            renewals++;
            token = 'new';
            return token;
          },
        ),
      });
      const key = newIdempotencyKey();
      const item = await api.requestKassenzeichen(
        { ...validRequest, kassenzeichen: '1500.0000.0003', street: 'Hindenburgstraße', houseNumber: '100' },
        key,
      );
      expect(item.status).to.equal('pending');
      expect(renewals).to.equal(1);
      expect(backend.exchanges.map((e) => [e.response.status, e.idempotencyKey])).to.deep.equal([
        [401, key],
        [202, key],
      ]);
    });

    it('gives up as unauthorized when renewal fails', async () => {
      const backend = await useMockBackend('returning');
      backend.rejectedTokens.add('old');
      const api = client({
        authorization: bearer(
          async () => 'old',
          async () => null,
        ),
      });
      expect((await failure(api.getAccount())).kind).to.equal('unauthorized');
    });

    it('maps 403 (consent missing) to forbidden', async () => {
      await useMockBackend('first-visit');
      const error = await failure(client().listKassenzeichen());
      expect(error).to.include({ kind: 'forbidden', status: 403 });
    });

    it('maps 404 to not-found', async () => {
      await useMockBackend('returning');
      expect((await failure(client().requestNewLetter('kz-unknown', newIdempotencyKey()))).kind).to.equal('not-found');
    });

    it('maps 409 to conflict', async () => {
      await useMockBackend('returning');
      const error = await failure(client().requestKassenzeichen(validRequest, newIdempotencyKey()));
      expect(error).to.include({ kind: 'conflict', status: 409 });
    });

    it('maps 422 to validation with the field errors', async () => {
      await useMockBackend('returning');
      const error = await failure(
        client().requestKassenzeichen({ ...validRequest, kassenzeichen: '1500.0000.0005', postalCode: '4106' }, newIdempotencyKey()),
      );
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([{ pointer: '/postalCode', code: 'format' }]);
    });

    it('says mismatch, not "unknown", for a Kassenzeichen that does not exist', async () => {
      await useMockBackend('returning');
      const unknown = await failure(
        client().requestKassenzeichen({ ...validRequest, kassenzeichen: '1500.9999.9999' }, newIdempotencyKey()),
      );
      const wrongAddress = await failure(
        client().requestKassenzeichen({ ...validRequest, kassenzeichen: '1500.0000.0003' }, newIdempotencyKey()),
      );
      expect(unknown.fieldErrors).to.deep.equal(wrongAddress.fieldErrors);
      expect(unknown.fieldErrors[0]).to.include({ pointer: '/kassenzeichen', code: 'mismatch' });
    });

    it('maps a wrong code to validation with the remaining attempts', async () => {
      await useMockBackend('returning');
      const [, pending] = await client().listKassenzeichen();
      const error = await failure(client().confirm(pending.id, 'WRONG-CODE', newIdempotencyKey()));
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors[0]).to.include({ pointer: '/code', code: 'wrong-code' });
      expect(error.remainingAttempts).to.equal(4);
    });

    it('locks after the last wrong code with 429 and Retry-After', async () => {
      await useMockBackend('returning');
      const [, pending] = await client().listKassenzeichen();
      for (let attempt = 0; attempt < 4; attempt++) await failure(client().confirm(pending.id, 'WRONG', newIdempotencyKey()));
      const error = await failure(client().confirm(pending.id, 'WRONG', newIdempotencyKey()));
      expect(error).to.include({ kind: 'rate-limited', retryAfterSeconds: 900 });
      const evenRight = await failure(client().confirm(pending.id, 'K7M4-P2QX', newIdempotencyKey()));
      expect(evenRight.kind).to.equal('rate-limited');
    });

    it('maps 410 to gone (code expired)', async () => {
      await useMockBackend('code-expired');
      const [, pending] = await client().listKassenzeichen();
      expect((await failure(client().confirm(pending.id, 'K7M4-P2QX', newIdempotencyKey()))).kind).to.equal('gone');
    });

    it('maps 429 to rate-limited with the seconds from Retry-After', async () => {
      await useMockBackend('rate-limited');
      const error = await failure(client().requestKassenzeichen(validRequest, newIdempotencyKey()));
      expect(error).to.include({ kind: 'rate-limited', retryAfterSeconds: 120 });
    });

    it('reads Retry-After as an HTTP date', async () => {
      await useMockBackend('returning');
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      answerWith(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': inTwoMinutes } }));
      const error = await failure(client().getAccount());
      expect(error.retryAfterSeconds).to.be.within(110, 121);
    });

    it('assumes a sensible wait when Retry-After cannot be read', async () => {
      await useMockBackend('returning');
      answerWith(() => HttpResponse.json({ type: 'x', title: 'x', status: 429 }, { status: 429 }));
      expect((await failure(client().getAccount())).retryAfterSeconds).to.equal(60);
    });

    it('maps a 500 with an HTML body to server, without the HTML', async () => {
      await useMockBackend('server-down');
      const error = await failure(client().getAccount());
      expect(error).to.include({ kind: 'server', status: 500 });
      expect(error.message).not.to.contain('<');
    });

    it('maps a 503 to server with its Retry-After', async () => {
      await useMockBackend('returning');
      answerWith(() => new HttpResponse('down for maintenance', { status: 503, headers: { 'Retry-After': '300' } }));
      expect(await failure(client().getAccount())).to.include({ kind: 'server', retryAfterSeconds: 300 });
    });

    it('maps a problem body that is not JSON to server', async () => {
      await useMockBackend('returning');
      answerWith(() => new HttpResponse('{not json', { status: 502, headers: { 'Content-Type': 'application/problem+json' } }));
      expect((await failure(client().getAccount())).kind).to.equal('server');
    });
  });

  describe('faults of the network and of the answer', () => {
    it('retries a GET after a network error and then succeeds', async () => {
      await useMockBackend('returning');
      let failures = 1;
      worker.use(
        http.get(`${BACKEND_URL}/account`, () => {
          if (failures-- > 0) return HttpResponse.error();
          return undefined;
        }),
      );
      const account = await client({ getRetryDelaysMs: [1, 1] }).getAccount();
      expect(account.displayName).to.equal('Erika Mustermann');
    });

    it('maps a lasting network error to network after two retries of a GET', async () => {
      await useMockBackend('returning');
      let attempts = 0;
      answerWith(() => {
        attempts++;
        return HttpResponse.error();
      });
      expect((await failure(client({ getRetryDelaysMs: [1, 1] }).getAccount())).kind).to.equal('network');
      expect(attempts).to.equal(3);
    });

    it('never retries a POST by itself after a network error', async () => {
      await useMockBackend('returning');
      let attempts = 0;
      answerWith(() => {
        attempts++;
        return HttpResponse.error();
      });
      const error = await failure(client({ getRetryDelaysMs: [1, 1] }).requestKassenzeichen(validRequest, newIdempotencyKey()));
      expect(error.kind).to.equal('network');
      expect(attempts).to.equal(1);
    });

    it('maps a slow answer to timeout', async () => {
      const backend = await useMockBackend('slow');
      backend.responseDelayMs = 500;
      expect((await failure(client({ timeoutMs: 50 }).getAccount())).kind).to.equal('timeout');
    });

    it('maps the caller aborting to aborted', async () => {
      const backend = await useMockBackend('slow');
      backend.responseDelayMs = 500;
      const controller = new AbortController();
      const pending = client().getAccount(controller.signal);
      controller.abort();
      expect((await failure(pending)).kind).to.equal('aborted');
    });

    it('maps malformed JSON on a 200 to unexpected-response', async () => {
      await useMockBackend('returning');
      answerWith(() => new HttpResponse('{"items": [', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      expect((await failure(client().listKassenzeichen())).kind).to.equal('unexpected-response');
    });

    it('maps a 200 of the wrong shape to unexpected-response', async () => {
      await useMockBackend('returning');
      answerWith(() => HttpResponse.json({ items: [{ id: 'x', kassenzeichen: 5 }] }));
      expect((await failure(client().listKassenzeichen())).kind).to.equal('unexpected-response');
    });
  });
});

describe('KassenzeichenApi: caching and round trips', () => {
  it('sends no cache directive, so that the browser keeps its preflight cache; the mock answers no-store', async () => {
    await useMockBackend('returning');
    const seen: RequestInit[] = [];
    const api = createApiClient({
      baseUrl: BACKEND_URL,
      authorization: bearer(async () => 'token-1'),
      fetch: async (input, init) => {
        seen.push(init ?? {});
        return fetch(input, init);
      },
    });
    const answer = await fetch(`${BACKEND_URL}/account`, { headers: { Authorization: 'Bearer token-1' } });
    expect(answer.headers.get('Cache-Control')).to.equal('no-store');
    await api.getAccount();
    expect(seen[0].cache).to.equal(undefined);
  });

  it('asks for account and list at the same time for the overview', async () => {
    const backend = await useMockBackend('returning');
    const overview = await client().loadOverview();
    expect(overview.items).to.have.length(2);
    expect(backend.exchanges.map((e) => e.path).sort()).to.deep.equal(['/account', '/kassenzeichen']);
  });
});
