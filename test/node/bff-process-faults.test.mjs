import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test } from 'node:test';
import { CALL } from './bff-harness.mjs';
import { startProcessWorld } from './bff-process-world.mjs';

/*
 * Issue 22's faults that need a real BFF process (packages/bff/dist/server.js),
 * started and killed by each test, bounded in time: a backend answering 50 MB
 * (item 6); SIGTERM during a long request, drained or cut (item 7).
 */

const MIB = 1_048_576;

/** A backend answer of `bytes` of JSON without a declared length, sent as fast as the BFF reads it; `sent` records how much went out. */
function hugeAnswer(bytes, sent) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  return (req, res) => {
    const record = { bytes: 0, closed: once(res, 'close') };
    sent.push(record);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('["');
    const pump = () => {
      while (record.bytes < bytes) {
        record.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('"]');
    };
    pump();
  };
}

test(
  'six 50 MB backend answers at once: each a 502 at once, the process’s memory stays bounded, the backend stops being read',
  { timeout: 20_000 },
  async () => {
    const world = await startProcessWorld();
    try {
      const cookies = await world.signIn();
      const six = () =>
        Promise.all(Array.from({ length: 6 }, () => world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })));
      // Six small answers at once first: what six requests at once take anyway is not counted.
      assert.deepEqual([...new Set((await six()).map(({ status }) => status))], [200]);
      const sent = [];
      world.backend.answer = hugeAnswer(50 * MIB, sent);
      const before = world.peakMemory();
      const started = performance.now();
      const answers = await six();
      const ms = Math.round(performance.now() - started);
      assert.deepEqual(
        answers.map(({ status }) => status),
        [502, 502, 502, 502, 502, 502],
      );
      const grown = world.peakMemory() - before;
      console.log(
        `six 50 MB answers: 502 in ${ms} ms; peak memory grew by ${(grown / MIB).toFixed(1)} MiB; the backend sent ${sent.map(({ bytes }) => (bytes / MIB).toFixed(1)).join(', ')} MiB`,
      );
      // Six answers of 1 MiB (the limit) and the copies on their way, not 300 MB: one 50 MB answer held whole would be more than this.
      assert.ok(grown < 48 * MIB, `peak memory grew by ${grown} bytes`);
      assert.ok(ms < 5000, `${ms} ms`);
      await Promise.all(sent.map(({ closed }) => closed));
      assert.ok(
        sent.every(({ bytes }) => bytes < 20 * MIB),
        'each connection closed long before its end',
      );
      const refused = world.log().filter(({ message }) => message === 'backend answer refused');
      assert.equal(refused.length, 6);
      assert.ok(refused.every(({ reason, route }) => reason === 'too-large' && route === '/api/kassenzeichen'));
    } finally {
      await world.stop();
    }
  },
);

/** A backend that answers `ms` late; `reached` resolves when a request has come. */
function slowAnswer(ms) {
  let reached;
  const came = new Promise((resolve) => (reached = resolve));
  const answer = (req, res) => {
    reached();
    const timer = setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"items":[]}');
    }, ms);
    res.on('close', () => clearTimeout(timer));
  };
  return { answer, came };
}

/** Resolves with the error code of a connection attempt (`ECONNREFUSED`), or `connected`. */
function tryConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve('connected') || socket.destroy());
    socket.once('error', (error) => resolve(error.code));
  });
}

const SHORT_DRAIN = { BFF_BACKEND_TIMEOUT_SECONDS: '3', BFF_SHUTDOWN_SECONDS: '3', BFF_SHUTDOWN_NOTICE_SECONDS: '0' };

test(
  'SIGTERM during a slow backend answer: the request completes, no new connection is taken, exit code 0 once drained',
  { timeout: 20_000 },
  async () => {
    const world = await startProcessWorld(SHORT_DRAIN);
    try {
      const cookies = await world.signIn();
      const slow = slowAnswer(1500);
      world.backend.answer = slow.answer;
      const started = performance.now();
      const call = world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
      await slow.came;
      const stopping = world.nextLine('stopping');
      const exited = world.signal('SIGTERM');
      assert.equal((await stopping).running, 1);
      assert.equal(await tryConnect(world.bff.port), 'ECONNREFUSED', 'no new connection while draining');
      const answer = await call;
      const answeredMs = performance.now() - started;
      assert.equal(answer.status, 200);
      assert.equal(answer.text, '{"items":[]}');
      assert.equal(answer.headers.connection, 'close');
      assert.equal(await exited, 0);
      const exitMs = performance.now() - started;
      console.log(
        `SIGTERM during a 1.5 s backend answer: answered after ${Math.round(answeredMs)} ms, exit 0 after ${Math.round(exitMs)} ms`,
      );
      assert.ok(exitMs - answeredMs < 1000, 'exits once drained, not after the whole drain time');
      const log = world.log();
      assert.deepEqual(
        log.filter(({ message }) => message === 'stopped').map(({ cut }) => cut),
        [0],
      );
      assert.equal(log.filter(({ message }) => message === 'request cut').length, 0);
    } finally {
      await world.stop();
    }
  },
);

test(
  'SIGTERM with a request longer than BFF_SHUTDOWN_SECONDS: cut after it with a log line naming route and id, exit code 6',
  { timeout: 20_000 },
  async () => {
    const world = await startProcessWorld({
      BFF_BACKEND_TIMEOUT_SECONDS: '1',
      BFF_SHUTDOWN_SECONDS: '1',
      BFF_TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      const cookies = await world.signIn();
      const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      // A client whose body never comes in full: its request runs until the drain ends it.
      const socket = connect(world.bff.port, '127.0.0.1');
      socket.on('error', () => undefined);
      const closed = once(socket, 'close');
      let answer = '';
      socket.setEncoding('latin1');
      const running = world.nextLine('stopping');
      // With `Expect: 100-continue` Node says „100 Continue“ in the same turn as the BFF takes the request up.
      socket.write(
        `POST /bff/api/kassenzeichen HTTP/1.1\r\nHost: x\r\nX-Request-Id: slow-upload-0001\r\nX-CSRF: 1\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n`,
      );
      answer += await once(socket, 'data');
      socket.on('data', (chunk) => (answer += chunk));
      socket.write('{"kassen');
      const started = performance.now();
      const exited = world.signal('SIGTERM');
      assert.equal((await running).running, 1);
      const code = await exited;
      const ms = Math.round(performance.now() - started);
      await closed;
      assert.equal(code, 6);
      assert.ok(ms >= 900 && ms < 3000, `exit after ${ms} ms`);
      assert.equal(answer, 'HTTP/1.1 100 Continue\r\n\r\n', 'the cut request got no answer');
      const cut = world.log().filter(({ message }) => message === 'request cut');
      assert.equal(cut.length, 1);
      assert.deepEqual(
        { ...cut[0], time: undefined, ms: typeof cut[0].ms, session: typeof cut[0].session },
        {
          time: undefined,
          level: 'warn',
          message: 'request cut',
          request: 'slow-upload-0001',
          client: '127.0.0.1',
          session: 'undefined',
          route: '/api/kassenzeichen',
          reason: 'shutdown',
          method: 'POST',
          ms: 'number',
        },
      );
      assert.equal(world.log().find(({ message }) => message === 'stopped').cut, 1);
      console.log(`SIGTERM with a request that outlasts a 1 s drain: exit 6 after ${ms} ms`);
    } finally {
      await world.stop();
    }
  },
);

test('a second SIGTERM while draining cuts at once: exit code 6 with the cut request logged', { timeout: 20_000 }, async () => {
  const world = await startProcessWorld({ BFF_BACKEND_TIMEOUT_SECONDS: '10', BFF_SHUTDOWN_SECONDS: '10' });
  try {
    const cookies = await world.signIn();
    const slow = slowAnswer(8000);
    world.backend.answer = slow.answer;
    const call = world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies }).catch((error) => error.code);
    await slow.came;
    const stopping = world.nextLine('stopping');
    world.bff.child.kill('SIGTERM');
    await stopping;
    const started = performance.now();
    assert.equal(await world.signal('SIGTERM'), 6);
    assert.ok(performance.now() - started < 2000, 'at once');
    assert.equal(await call, 'ECONNRESET', 'the request’s connection was closed');
    const [cut] = world.log().filter(({ message }) => message === 'request cut');
    assert.equal(cut.route, '/api/kassenzeichen');
    assert.match(cut.request, /^[0-9a-f-]{36}$/);
  } finally {
    await world.stop();
  }
});
