import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { test } from 'node:test';
import { createBffServer, MemoryStore, prometheusMetrics, readBffConfig, StoreUnavailableError } from '../../packages/bff/dist/app.js';
import { freePort } from '../e2e/bff-world.mjs';
import { bffEnv } from './bff-raw.mjs';
import { CALL, PAGE, send, startWorld } from './bff-harness.mjs';
import { startProcessWorld } from './bff-process-world.mjs';

/*
 * Issue 22, item 11: GET /metrics in Prometheus text format (prom-client) on a
 * listener of its own, only with BFF_METRICS: sign-ins and renewals by
 * outcome, requests by route template and status, latency histograms, store
 * errors, live sessions and pending sign-ins – and nothing personal in a label.
 */

/** The value of one series in a Prometheus text exposition (`undefined` when absent). */
function sample(text, series) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (metrics) => (await metrics.exposition()).text;
const ERIKA = { sub: 'erika-sub-4711', sid: 'sid-erika', name: 'Erika Mustermann' };

test('counted: sign-ins by outcome, renewals, proxied requests by route and status, latencies, Node’s refusals, live sessions and pending sign-ins', async () => {
  const metrics = prometheusMetrics();
  const world = await startWorld({ metrics });
  const refusing = createBffServer(world.app);
  try {
    const cookies = await world.signIn(ERIKA);
    await world.request('GET', '/callback?state=never-issued');
    const other = new Map();
    const login = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies: other });
    const state = new URL(login.headers.location).searchParams.get('state');
    await world.request('GET', `/callback?error=access_denied&state=${state}`, { cookies: other });
    await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`); // left at the provider

    const api = () => world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    assert.equal((await api()).status, 200);
    world.backend.answer = { status: 500, type: 'text/html', body: '<h1>Fehler</h1>' };
    assert.equal((await api()).status, 500);
    world.backend.answer = { status: 200, type: 'application/json', body: '{"items":[]}' };
    world.clock.advance(285_000); // due for renewal
    assert.equal((await api()).status, 200);
    world.provider.refreshFails = true;
    world.clock.advance(285_000);
    assert.equal((await api()).status, 200, 'the still-valid token goes on being used');

    refusing.listen(0, '127.0.0.1');
    await once(refusing, 'listening');
    const socket = connect(refusing.address().port, '127.0.0.1').end('GARBAGE\r\n\r\n').resume(); // read to its end, else it never closes
    await once(socket, 'close');

    const text = await scrape(metrics);
    const expected = {
      bff_sign_ins_started_total: 3,
      'bff_sign_ins_total{outcome="signed-in"}': 1,
      'bff_sign_ins_total{outcome="state-unknown"}': 1,
      'bff_sign_ins_total{outcome="cancelled"}': 1,
      'bff_renewals_total{outcome="renewed"}': 1,
      'bff_renewals_total{outcome="failed"}': 1,
      'bff_proxied_requests_total{route="/api/kassenzeichen",method="GET",status="200",outcome="passed"}': 3,
      'bff_proxied_requests_total{route="/api/kassenzeichen",method="GET",status="500",outcome="server-error"}': 1,
      'bff_backend_duration_seconds_count{route="/api/kassenzeichen",method="GET"}': 4,
      'bff_http_request_duration_seconds_count{route="/callback",method="GET",status="303"}': 2,
      'bff_http_request_duration_seconds_count{route="/api/kassenzeichen",method="GET",status="500"}': 1,
      'bff_refused_by_node_total{reason="bad-request"}': 1,
      bff_sessions: 1,
      bff_pending_sign_ins: 1,
    };
    for (const [series, value] of Object.entries(expected)) assert.equal(sample(text, series), value, series);
    assert.ok(sample(text, 'process_resident_memory_bytes') > 0, 'Node’s process metrics too');
    assert.match(text, /# TYPE bff_backend_duration_seconds histogram/);

    const labels = [...text.matchAll(/\{([^}]*)\}/g)].map(([, inner]) => inner).join('\n');
    for (const personal of [ERIKA.sub, ERIKA.sid, 'Erika', cookies.get('__Host-bp-session'), '127.0.0.1', state]) {
      assert.ok(!labels.includes(personal), `a label holds ${personal}`);
    }
    assert.doesNotMatch(labels, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no request id');
    const routes = new Set([...labels.matchAll(/route="([^"]*)"/g)].map(([, route]) => route));
    assert.deepEqual(
      [...routes].filter((route) => !/^(\/[a-z/{}-]*|[a-z-]+)$/.test(route)),
      [],
      'route templates or fixed words only',
    );
  } finally {
    refusing.close();
    await world.stop();
  }
});

test('store errors counted by operation and reason; the gauges say NaN while the store cannot count, never 0', async () => {
  const store = new MemoryStore();
  store.liveCount = async () => {
    throw new StoreUnavailableError('timeout');
  };
  store.read = async () => {
    throw new StoreUnavailableError('offline');
  };
  const metrics = prometheusMetrics();
  const world = await startWorld({ store, metrics });
  try {
    const cookies = new Map([['__Host-bp-session', 'x'.repeat(43)]]);
    assert.equal((await world.request('GET', '/session', { headers: CALL, cookies })).status, 503);
    await scrape(metrics); // the gauges' failures are counted while this scrape is written: the next one has them
    const text = await scrape(metrics);
    assert.ok(Number.isNaN(sample(text, 'bff_sessions')));
    assert.ok(Number.isNaN(sample(text, 'bff_pending_sign_ins')));
    assert.equal(sample(text, 'bff_store_errors_total{operation="read",reason="offline"}'), 1);
    assert.ok(sample(text, 'bff_store_errors_total{operation="liveCount",reason="timeout"}') >= 2);
  } finally {
    await world.stop();
  }
});

test('BFF_METRICS: off by default; on, an address or a port, on 127.0.0.1 unless one is named; anything else refused', () => {
  const metricsOf = (value) => readBffConfig(bffEnv(value === undefined ? {} : { BFF_METRICS: value }));
  assert.equal(metricsOf(undefined).config.metrics, undefined);
  assert.equal(metricsOf('off').config.metrics, undefined);
  assert.deepEqual(metricsOf('on').config.metrics, { host: '127.0.0.1', port: 9464 });
  assert.deepEqual(metricsOf('9100').config.metrics, { host: '127.0.0.1', port: 9100 });
  assert.deepEqual(metricsOf('10.0.0.5:9464').config.metrics, { host: '10.0.0.5', port: 9464 });
  assert.deepEqual(metricsOf('[::1]:9464').config.metrics, { host: '::1', port: 9464 });
  for (const wrong of ['yes', '99999', 'http://10.0.0.5:9464/metrics']) {
    assert.match(metricsOf(wrong).problems.join(), /^BFF_METRICS ist „off“, „on“ \(127\.0\.0\.1:9464\)/, wrong);
  }
});

test(
  'the process: /metrics on BFF_METRICS’ listener only, never on the BFF’s port; without it, no listener',
  { timeout: 20_000 },
  async () => {
    const port = await freePort();
    const world = await startProcessWorld({ BFF_METRICS: `127.0.0.1:${port}` });
    try {
      await world.signIn();
      const metrics = `http://127.0.0.1:${port}`;
      const answer = await send(metrics, 'GET', '/metrics');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      assert.equal(sample(answer.text, 'bff_sessions'), 1);
      assert.equal(sample(answer.text, 'bff_sign_ins_total{outcome="signed-in"}'), 1);
      assert.equal((await send(metrics, 'GET', '/bff/health')).status, 404, 'the listener serves /metrics only');
      for (const answer of [await world.request('GET', '/metrics', { headers: CALL }), await send(world.origin, 'GET', '/metrics')]) {
        assert.equal(answer.status, 404, 'neither under BFF_PUBLIC_URL nor at the root of the BFF’s port');
        assert.doesNotMatch(answer.text, /bff_/);
      }
      assert.deepEqual(
        world
          .log()
          .filter(({ message }) => message === 'metrics listening')
          .map(({ host, port: at }) => `${host}:${at}`),
        [`127.0.0.1:${port}`],
      );
    } finally {
      await world.stop();
    }
    const off = await startProcessWorld();
    try {
      assert.equal(off.log().filter(({ message }) => message === 'metrics listening').length, 0);
      assert.equal((await send(off.origin, 'GET', '/metrics')).status, 404);
    } finally {
      await off.stop();
    }
  },
);

test('BFF_METRICS on an address in use: exit code 5 with a sentence naming it', { timeout: 20_000 }, async () => {
  const holder = createServer().listen(0, '127.0.0.1');
  await once(holder, 'listening');
  try {
    const child = spawn(process.execPath, ['packages/bff/dist/server.js'], {
      env: { PATH: process.env.PATH, ...bffEnv({ PORT: String(await freePort()), BFF_METRICS: `127.0.0.1:${holder.address().port}` }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    const [code] = await once(child, 'exit');
    assert.equal(code, 5);
    assert.doesNotMatch(stdout, /"message":"listening"/, 'it never said „listening“ (nor took a request)');
    assert.equal(
      stderr.trim(),
      `buergerportal-bff: Die Adresse 127.0.0.1:${holder.address().port} (BFF_METRICS) ist schon belegt; der BFF startet nicht.`,
    );
  } finally {
    holder.close();
  }
});
