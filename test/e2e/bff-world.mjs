import { spawn } from 'node:child_process';
import { request as httpRequest, createServer } from 'node:http';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * What BFF mode needs around the e2e world: a real redis-server (Debian's),
 * BFF processes started from the built packages/bff/dist/server.js with environment
 * variables only, and a load balancer in front of them that fails over when
 * a process is gone.
 */

/** A free TCP port on 127.0.0.1 (taken and given back). */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `redis-server` on a free port: without persistence, or with
 * `appendonly` as the README advises (AOF, `appendfsync everysec`, in a
 * folder of its own); `settings` are further `--name value` pairs. `restart()`
 * kills it (SIGKILL) and starts it again on the same port and folder; `stop()`
 * kills it and removes the folder.
 */
export async function startRedis({ appendonly = false, settings = [] } = {}) {
  const port = await freePort();
  const dir = appendonly ? await mkdtemp(join(tmpdir(), 'bff-redis-')) : undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', appendonly ? 'yes' : 'no'];
  if (dir) args.push('--dir', dir, '--appendfsync', 'everysec');
  args.push(...settings);
  let child = await spawnRedis(args);
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await stopChild(child);
      child = await spawnRedis(args);
    },
    stop: async () => {
      await stopChild(child);
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

async function spawnRedis(args) {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /Ready to accept connections/);
  return child;
}

/** One `node packages/bff/dist/server.js` with the given environment; `logs` collects its JSON lines. */
export async function startBffProcess(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['packages/bff/dist/server.js'], {
    env: { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = [];
  child.stdout.setEncoding('utf8').on('data', (text) => logs.push(...text.split('\n').filter(Boolean)));
  child.stderr.setEncoding('utf8').on('data', (text) => logs.push(text));
  await waitForLine(child, /"message":"listening"/);
  return { port, child, logs, stop: () => stopChild(child), alive: () => child.exitCode === null && child.signalCode === null };
}

/**
 * A load balancer: sends each request to the chosen process, and to the next
 * live one when that one does not answer (a process killed mid-flow).
 */
export function createBalancer(processes) {
  let chosen = 0;
  let roundRobin = false;
  function forward(req, res, body, attempt = 0) {
    if (roundRobin && attempt === 0) chosen = (chosen + 1) % processes.length;
    const target = processes[(chosen + attempt) % processes.length];
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (attempt + 1 < processes.length) return forward(req, res, body, attempt + 1);
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('no BFF process');
    });
    upstream.end(body);
  }
  return {
    /** Routes the following requests to process `index` first, or to each in turn (`'round-robin'`). */
    use(index) {
      roundRobin = index === 'round-robin';
      if (!roundRobin) chosen = index;
    },
    async handle(req, res) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      forward(req, res, Buffer.concat(chunks));
    },
  };
}

async function waitForLine(child, pattern) {
  let seen = '';
  await new Promise((resolve, reject) => {
    const check = (text) => {
      seen += text;
      if (pattern.test(seen)) resolve();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${seen}`)));
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}
