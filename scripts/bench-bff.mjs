import { spawn, execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { mkdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { send, signIn, startProvider } from '../test/node/bff-harness.mjs';
import { freePort, startRedis } from '../test/e2e/bff-world.mjs';

/*
 * `npm run bench:bff`: what the BFF costs per proxied request (issue 23, item 4).
 * On 127.0.0.1, in one run: a redis-server, a mock backend (its own process,
 * answering the contract's GET /kassenzeichen with a fixed JSON), a plain
 * Node reverse proxy (node:http forwarding, its own process) as the floor,
 * and two BFF processes of packages/bff/dist/server.js – the baseline (built
 * from BENCH_BFF_BASE, by default the commit before issue 23's BFF work, into
 * .tmp/) and the working tree's – each with a signed-in session and
 * BFF_STORE_KEY set. The load: a keep-alive HTTP/1.1 client in this process,
 * BENCH_CONNECTIONS (50) connections, each sending its next request when the
 * answer is in, for BENCH_SECONDS (8) per target after a 1 s warm-up, in
 * BENCH_ROUNDS (8) turns: each target in turn, so that what other work does
 * to a shared machine meanwhile falls on all of them alike.
 * Prints requests/s and p50/p99 latency per target, and what each proxy adds
 * to the direct p50. Needs `npm run build` (the working tree's dist) first.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE = process.env.BENCH_BFF_BASE ?? '2c9b894';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 1;
const BODY = JSON.stringify({
  items: [
    {
      kassenzeichen: '1234567890',
      address: { street: 'Musterstraße 1', postalCode: '12345', city: 'Musterstadt' },
      role: 'owner',
      status: 'confirmed',
    },
  ],
});

/** Builds the baseline BFF from git into .tmp/bench-bff-base (node_modules resolve from the repository root). */
function buildBaseline() {
  const dir = `${root}.tmp/bench-bff-base`;
  const stamp = `${dir}/.ref-${execFileSync('git', ['rev-parse', BASE], { cwd: root, encoding: 'utf8' }).trim()}`;
  if (existsSync(stamp) && existsSync(`${dir}/packages/bff/dist/server.js`)) return `${dir}/packages/bff/dist/server.js`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${BASE} tsconfig.json packages/bff src | tar -x -C "${dir}"`], { cwd: root });
  execFileSync(process.execPath, [`${dir}/packages/bff/build.mjs`], { cwd: root, stdio: 'inherit' });
  mkdirSync(stamp);
  return `${dir}/packages/bff/dist/server.js`;
}

/** A node process running `source` (a module text) with `env`; resolves once it printed its port. */
async function startNodeChild(source, env) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout, 'data');
  return { child, port: Number(String(chunk).trim()) };
}

const BACKEND = `
import { createServer } from 'node:http';
const body = Buffer.from(process.env.BODY);
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(req.url === '/api/kassenzeichen' ? 200 : 404, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** The floor: node:http in, node:http out over a keep-alive agent, body passed through. */
const PLAIN_PROXY = `
import { createServer, request, Agent } from 'node:http';
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const target = Number(process.env.TARGET_PORT);
const server = createServer((req, res) => {
  const out = request({ host: '127.0.0.1', port: target, method: req.method, path: req.url.replace(/^\\/bff/, ''), headers: { ...req.headers, authorization: 'Bearer x' }, agent }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => { res.statusCode = 502; res.end(); });
  req.pipe(out);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startBff(serverFile, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_BFF_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverFile], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: String(port), BFF_PUBLIC_URL: `http://127.0.0.1:${port}/bff` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i += 1) {
    const status = await new Promise((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/bff/health' }, (res) => (res.resume(), resolve(res.statusCode)));
      req.on('error', () => resolve(0));
      req.end();
    });
    if (status === 200) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`BFF ${serverFile} did not start`);
}

/**
 * `connections` keep-alive connections, each sending `GET path` again as soon
 * as the answer (Content-Length or chunked) is complete, for `seconds`;
 * requests/s and latencies of the answers with status 200 (others are counted).
 */
async function load(port, path, headers, seconds, connections = CONNECTIONS) {
  const text = Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${Object.entries(headers)
      .map(([n, v]) => `${n}: ${v}\r\n`)
      .join('')}\r\n`,
  );
  const latencies = [];
  let failed = 0;
  let running = true;
  const endAt = performance.now() + seconds * 1000;
  const one = () =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      let buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (!running || performance.now() >= endAt) return (socket.end(), resolve());
        sentAt = performance.now();
        socket.write(text);
      };
      socket.on('connect', send);
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const headEnd = buffer.indexOf('\r\n\r\n');
          if (headEnd < 0) return;
          const head = buffer.subarray(0, headEnd).toString('latin1');
          const status = Number(head.slice(9, 12));
          const length = /\r\ncontent-length: *(\d+)/i.exec(head);
          let end;
          if (length) end = headEnd + 4 + Number(length[1]);
          else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
            const last = buffer.indexOf('\r\n0\r\n\r\n', headEnd);
            end = last < 0 ? Infinity : last + 7;
          } else end = headEnd + 4;
          if (buffer.length < end) return;
          buffer = buffer.subarray(end);
          if (status === 200) latencies.push(performance.now() - sentAt);
          else failed += 1;
          send();
        }
      });
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, one));
  running = false;
  return { latencies, seconds: (performance.now() - started) / 1000, failed };
}

/**
 * 50 requests at once on one session whose access token is due for renewal
 * (the provider answers the renewal after 100 ms): one renews under the lock,
 * the others wait for it. Resolves with the slowest request's ms and the statuses.
 */
async function renewalBurst(provider, origin) {
  provider.expiresIn = 31; // renewed 30 s before it ends: due one second after the sign-in
  const cookies = await signIn({ provider, origin });
  provider.expiresIn = 300;
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const refreshedBefore = provider.refreshed;
  provider.beforeRefresh = () => new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const answer = await send(origin, 'GET', '/bff/api/kassenzeichen', { headers: { 'X-CSRF': '1' }, cookies: new Map(cookies) });
      return { status: answer.status, ms: performance.now() - started };
    }),
  );
  provider.beforeRefresh = undefined;
  const slowest = Math.max(...answers.map((a) => a.ms));
  return { slowest, ok: answers.filter((a) => a.status === 200).length, renewals: provider.refreshed - refreshedBefore };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Each target in turn, ROUNDS times, SECONDS / ROUNDS each, after a warm-up:
 * what other work does to the machine meanwhile falls on all targets alike,
 * not on one. Per target: requests/s, p50/p99 over all its answers, CPU ms
 * per request, non-200 answers, and requests/s of each round.
 */
async function measureInTurns(targets) {
  for (const target of targets) await load(target.port, target.path, target.headers, WARM_UP_SECONDS);
  const totals = targets.map(() => ({ latencies: [], seconds: 0, cpu: 0, failed: 0, rounds: [] }));
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [i, target] of targets.entries()) {
      const cpuBefore = cpuSeconds(target.pid);
      const { latencies, seconds, failed } = await load(target.port, target.path, target.headers, SECONDS / ROUNDS);
      const total = totals[i];
      total.cpu += cpuSeconds(target.pid) - cpuBefore;
      total.seconds += seconds;
      total.failed += failed;
      total.rounds.push(latencies.length / seconds);
      for (const ms of latencies) total.latencies.push(ms);
    }
    process.stderr.write(
      `  round ${round}: ${totals.map((total, i) => `${targets[i].name} ${Math.round(total.rounds.at(-1))}`).join(', ')} req/s\n`,
    );
  }
  return targets.map(({ name }, i) => summarise(name, totals[i]));
}

function summarise(name, { latencies, seconds, cpu, failed, rounds }) {
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { name, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), cpuMs: (cpu * 1000) / latencies.length, failed, rounds };
}

const stops = [];
try {
  const baseServer = buildBaseline();
  const redis = await startRedis();
  stops.push(() => redis.stop());
  const backend = await startNodeChild(BACKEND, { BODY });
  stops.push(() => backend.child.kill());
  const plain = await startNodeChild(PLAIN_PROXY, { TARGET_PORT: String(backend.port) });
  stops.push(() => plain.child.kill());
  const provider = await startProvider();
  stops.push(() => (provider.server.closeAllConnections(), provider.server.close()));
  const env = {
    BFF_ISSUER: provider.issuer,
    BFF_CLIENT_ID: 'bff-test',
    BFF_CLIENT_SECRET: 'test-secret',
    BFF_BACKEND_URL: `http://127.0.0.1:${backend.port}/api`,
    BFF_ALLOWED_ORIGINS: 'http://127.0.0.1:9',
    BFF_SESSION_STORE: redis.url,
    BFF_STORE_KEY: randomBytes(32).toString('base64'),
    BFF_RATE_LIMIT_API: '1000000',
  };
  const targets = [
    { name: 'direct backend', port: backend.port, path: '/api/kassenzeichen', headers: {}, pid: backend.child.pid },
    { name: 'plain Node proxy', port: plain.port, path: '/bff/api/kassenzeichen', headers: {}, pid: plain.child.pid },
  ];
  const bffs = [];
  for (const [name, file] of [
    [`BFF before (${BASE})`, baseServer],
    ['BFF now (working tree)', `${root}packages/bff/dist/server.js`],
  ]) {
    const bff = await startBff(file, env);
    stops.push(() => bff.child.kill());
    bffs.push({ name, bff });
    const cookies = await signIn({ provider, origin: `http://127.0.0.1:${bff.port}` });
    const cookie = [...cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    targets.push({ name, port: bff.port, path: '/bff/api/kassenzeichen', headers: { Cookie: cookie, 'X-CSRF': '1' }, pid: bff.child.pid });
  }
  const rows = await measureInTurns(targets);
  const bursts = [];
  for (const { name, bff } of bffs) bursts.push({ name, ...(await renewalBurst(provider, `http://127.0.0.1:${bff.port}`)) });
  const direct = rows[0].p50;
  const f = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  console.log(
    `\nGET /api/kassenzeichen, ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} turns of ${f(SECONDS / ROUNDS, 1)} s, 127.0.0.1, node ${process.version}\n`,
  );
  console.log('| target | requests/s | p50 ms | p99 ms | p50 added ms | CPU ms per request | non-200 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows)
    console.log(
      `| ${row.name} | ${Math.round(row.rps)} | ${f(row.p50)} | ${f(row.p99)} | ${row === rows[0] ? '–' : f(row.p50 - direct)} | ${f(row.cpuMs, 3)} | ${row.failed} |`,
    );
  const [, floor, before, now] = rows;
  const turns = now.rounds.map((rps, i) => rps / before.rounds[i]).sort((a, b) => a - b);
  console.log(
    `\nBFF now / before: ${f(now.rps / before.rps)}× requests/s (turn by turn ${f(turns[0])}–${f(turns.at(-1))}×), ${f(before.cpuMs / now.cpuMs)}× less CPU per request; BFF now / plain proxy: ${f(now.rps / floor.rps)}×; p50 added over the plain proxy: ${f(now.p50 - floor.p50)} ms`,
  );
  console.log(`\n${CONNECTIONS} requests at once on one session due for renewal (the provider answers in 100 ms):\n`);
  console.log('| target | slowest answer ms | answered 200 | renewals at the provider |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const burst of bursts) console.log(`| ${burst.name} | ${f(burst.slowest, 0)} | ${burst.ok} | ${burst.renewals} |`);
} finally {
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
}
process.exit(0);
