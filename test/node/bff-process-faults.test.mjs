import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { CALL } from './bff-harness.mjs';
import { startProcessWorld } from './bff-process-world.mjs';

/*
 * Issue 22's faults that need a real BFF process (packages/bff/dist/server.js),
 * started and killed by each test, bounded in time: a backend answering 50 MB
 * (item 6).
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
