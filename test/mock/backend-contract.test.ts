import { expect } from '@open-wc/testing';
import { bearer, createApiClient, newIdempotencyKey, type KassenzeichenApi } from '../../src/api/index.js';
import type { MockBackend } from '../../mock/backend.js';
import { SCENARIOS, type ScenarioName } from '../../mock/scenarios.js';
import { BACKEND_URL, useMockBackend } from '../support/mock-backend.js';
import { checkAgainstContract, loadContract, requiredHeaders } from '../support/openapi.js';

const request = {
  kassenzeichen: '1500.0000.0001',
  street: 'Musterstraße',
  houseNumber: '12a',
  postalCode: '41061',
  role: 'owner',
} as const;

/** Calls every operation of the contract, good and bad, ignoring the outcome. */
async function exerciseEveryOperation(api: KassenzeichenApi): Promise<void> {
  const settle = (promise: Promise<unknown>) => promise.catch(() => undefined);
  await settle(api.getAccount());
  await settle(api.listKassenzeichen());
  await settle(api.giveConsent());
  const items = (await api.listKassenzeichen().catch(() => [])) ?? [];
  await settle(api.requestKassenzeichen(request, newIdempotencyKey()));
  await settle(api.requestKassenzeichen({ ...request, kassenzeichen: '1500.0000.0003' }, newIdempotencyKey()));
  await settle(
    api.requestKassenzeichen(
      { ...request, kassenzeichen: '1500.0000.0003', street: 'Hindenburgstr.', houseNumber: '100' },
      newIdempotencyKey(),
    ),
  );
  await settle(api.requestKassenzeichen({ ...request, postalCode: 'x', street: ' ' }, newIdempotencyKey()));
  const pending = items.find((item) => item.status === 'pending');
  if (pending) {
    await settle(api.confirm(pending.id, 'WRONG', newIdempotencyKey()));
    await settle(api.requestNewLetter(pending.id, newIdempotencyKey()));
    for (let i = 0; i < 5; i++) await settle(api.confirm(pending.id, 'WRONG', newIdempotencyKey()));
  }
  await settle(api.confirm('kz-none', 'X', newIdempotencyKey()));
  await settle(api.requestNewLetter('kz-none', newIdempotencyKey()));
  await settle(api.remove('kz-none'));
  for (const item of items) await settle(api.remove(item.id));
}

async function violationsOf(backend: MockBackend) {
  const results = await Promise.all(
    backend.exchanges.map(({ method, path, response }) =>
      checkAgainstContract(
        method,
        path,
        response.status,
        response.headers?.['Content-Type'] ?? (response.body === undefined ? null : 'application/json'),
        response.body,
      ),
    ),
  );
  return results.flat();
}

describe('mock backend against openapi.yaml', () => {
  it('the contract declares exactly the seven requests of the issue', async () => {
    const doc = await loadContract();
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).to.deep.equal([
      'DELETE /kassenzeichen/{id}',
      'GET /account',
      'GET /kassenzeichen',
      'POST /kassenzeichen',
      'POST /kassenzeichen/{id}/confirmation',
      'POST /kassenzeichen/{id}/letter',
      'PUT /account/consent',
    ]);
  });

  it('the checker itself rejects an answer that breaks the contract', async () => {
    const wrong = await checkAgainstContract('GET', '/kassenzeichen', 200, 'application/json', { items: [{ id: 'x' }] });
    const undeclared = await checkAgainstContract('GET', '/account', 500, 'text/html', '<html>');
    expect(wrong).to.have.length(1);
    expect(undeclared[0].problem).to.contain('not declared');
  });

  for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
    it(`answers only as the contract says in scenario ${scenario}`, async () => {
      const backend = await useMockBackend(scenario);
      backend.responseDelayMs = 0;
      await exerciseEveryOperation(createApiClient({ baseUrl: BACKEND_URL, authorization: bearer(async () => 'token') }));
      const violations = await violationsOf(backend);
      // A 500 is the scenario's point, not a contract answer: the client must survive it.
      const relevant = scenario === 'server-down' ? violations.filter((v) => !v.request.endsWith('→ 500')) : violations;
      expect(relevant, JSON.stringify(relevant, null, 1)).to.deep.equal([]);
      expect(backend.exchanges.length).to.be.greaterThan(8);
    });
  }

  it('the client sends the Idempotency-Key wherever the contract requires it: the letter requests and the confirmation', async () => {
    const backend = await useMockBackend('returning');
    await exerciseEveryOperation(createApiClient({ baseUrl: BACKEND_URL, authorization: bearer(async () => 'token') }));
    const keyed: string[] = [];
    for (const { method, path, idempotencyKey } of backend.exchanges) {
      if (!(await requiredHeaders(method, path)).includes('Idempotency-Key')) continue;
      expect(idempotencyKey, `${method} ${path}`).to.match(/^[0-9a-f-]{36}$/);
      keyed.push(`${method} ${path.replace(/kz-[^/]+/, '{id}')}`);
    }
    expect([...new Set(keyed)].sort()).to.deep.equal([
      'POST /kassenzeichen',
      'POST /kassenzeichen/{id}/confirmation',
      'POST /kassenzeichen/{id}/letter',
    ]);
  });

  it('answers 401 as the contract says', async () => {
    const backend = await useMockBackend('returning');
    await createApiClient({ baseUrl: BACKEND_URL, authorization: bearer(async () => 'gone') })
      .getAccount()
      .catch(() => undefined);
    backend.rejectedTokens.add('gone');
    await createApiClient({ baseUrl: BACKEND_URL, authorization: bearer(async () => 'gone') })
      .getAccount()
      .catch(() => undefined);
    expect(backend.exchanges.map((e) => e.response.status)).to.deep.equal([200, 401]);
    expect(await violationsOf(backend)).to.deep.equal([]);
  });
});
