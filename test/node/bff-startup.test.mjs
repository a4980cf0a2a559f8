import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { freePort, startRedis } from '../e2e/bff-world.mjs';
import { bffEnv } from './bff-raw.mjs';

/*
 * Issue 22, item 2: a start that cannot succeed ends within a bound, with a
 * German sentence on stderr (no stack trace) and the exit code the README
 * documents: 3 no Redis, 4 Redis refuses (database index), 5 port in use.
 */

/** Runs `node packages/bff/dist/server.js` until it exits (killed after `limitMs`); its exit code, stderr and how long it took. */
async function runUntilExit(env, limitMs = 15_000) {
  const started = performance.now();
  const child = spawn(process.execPath, ['packages/bff/dist/server.js'], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(killer);
  return { code, signal, stderr, stdout, ms: Math.round(performance.now() - started) };
}

function assertSentence(stderr, pattern) {
  assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  assert.ok(stderr.trim().split('\n').length <= 2, `one sentence: ${stderr}`);
}

test('no Redis at BFF_SESSION_STORE: exit code 3 after BFF_STORE_WAIT_SECONDS, with a German sentence', async () => {
  const port = await freePort();
  const run = await runUntilExit(
    bffEnv({ BFF_SESSION_STORE: `redis://127.0.0.1:${port}`, BFF_STORE_WAIT_SECONDS: '2', PORT: String(await freePort()) }),
  );
  assert.equal(run.code, 3, run.stderr);
  assert.ok(run.ms >= 1900 && run.ms < 6000, `${run.ms} ms`);
  assertSentence(
    run.stderr,
    /Sitzungsspeicher BFF_SESSION_STORE \(127\.0\.0\.1:\d+\/?\) ist nach 2 Sekunden nicht erreichbar \(ECONNREFUSED\)/,
  );
  assert.doesNotMatch(run.stdout, /listening/);
});

test('a database index Redis does not have: exit code 4 at once, no loop', async () => {
  const redis = await startRedis();
  try {
    const run = await runUntilExit(bffEnv({ BFF_SESSION_STORE: `${redis.url}/99`, PORT: String(await freePort()) }));
    assert.equal(run.code, 4, run.stderr);
    assert.ok(run.ms < 5000, `${run.ms} ms`);
    assertSentence(run.stderr, /lehnt die Verbindung ab \(ERR DB index is out of range\); prüfen Sie Datenbank-Nummer und Passwort/);
  } finally {
    await redis.stop();
  }
});

test('a port in use: exit code 5 with a sentence that names HOST and PORT, no stack trace', async () => {
  const holder = createServer().listen(0, '127.0.0.1');
  await once(holder, 'listening');
  const { port } = holder.address();
  try {
    const run = await runUntilExit(bffEnv({ PORT: String(port) }));
    assert.equal(run.code, 5, run.stderr);
    assertSentence(
      run.stderr,
      new RegExp(`Die Adresse 127\\.0\\.0\\.1:${port} \\(HOST, PORT\\) ist schon belegt; der BFF startet nicht\\.`),
    );
  } finally {
    holder.close();
  }
});

test('a wrong setting: exit code 2, as before', async () => {
  const run = await runUntilExit(bffEnv({ BFF_STORE_TIMEOUT_MS: 'soon' }));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /BFF_STORE_TIMEOUT_MS ist eine ganze Zahl/);
});

test('BFF_CLIENT_AUTH the provider does not offer (discovery): exit code 2 with a German sentence naming the variable', async () => {
  const provider = createHttpServer((req, res) => {
    const issuer = `http://127.0.0.1:${provider.address().port}/oidc`;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      }),
    );
  });
  provider.listen(0, '127.0.0.1');
  await once(provider, 'listening');
  try {
    const issuer = `http://127.0.0.1:${provider.address().port}/oidc`;
    const run = await runUntilExit(bffEnv({ BFF_ISSUER: issuer, BFF_CLIENT_AUTH: 'client_secret_post', PORT: String(await freePort()) }));
    assert.equal(run.code, 2, run.stderr);
    assertSentence(
      run.stderr,
      /bietet BFF_CLIENT_AUTH=client_secret_post nicht an \(token_endpoint_auth_methods_supported: client_secret_basic\)/,
    );
  } finally {
    provider.close();
  }
});
