import { connect } from 'node:net';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { createBalancer, startBffProcess } from '../e2e/bff-world.mjs';

/* Helpers for the BFF's attack tests: processes of the built packages/bff/dist/server.js, a balancer, raw HTTP. */

/** Settings for a BFF process that never needs its provider or backend to answer. */
export function bffEnv(extra = {}) {
  return {
    BFF_PUBLIC_URL: 'http://127.0.0.1:9/bff',
    BFF_ISSUER: 'http://127.0.0.1:9/oidc',
    BFF_CLIENT_ID: 'bff-test',
    BFF_CLIENT_SECRET: 'test-secret',
    BFF_BACKEND_URL: 'http://127.0.0.1:9/api',
    BFF_ALLOWED_ORIGINS: 'http://127.0.0.1:9',
    ...extra,
  };
}

/** `count` BFF processes behind the e2e world's balancer (which retries on the next process when one does not answer). */
export async function startBalancedBffs(count, env = bffEnv()) {
  const processes = [];
  for (let i = 0; i < count; i += 1) processes.push(await startBffProcess(env));
  const balancer = createBalancer(processes);
  const server = createServer((req, res) => void balancer.handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    processes,
    balancer,
    port: server.address().port,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      for (const child of processes) await child.stop();
    },
  };
}

/** Sends `text` as it is and resolves with the answer's status code (0 when the connection closed without one). */
export async function rawRequest(port, text) {
  const socket = connect(port, '127.0.0.1');
  socket.setTimeout(5000, () => socket.destroy());
  // Not end(): a half-closed connection may be dropped before the answer. `Connection: close` ends it after the answer.
  socket.write(text);
  let answer = '';
  socket.setEncoding('latin1').on('data', (chunk) => (answer += chunk));
  await once(socket, 'close');
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

export function rawGet(target) {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
}
