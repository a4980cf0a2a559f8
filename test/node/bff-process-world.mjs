import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { startBffProcess } from '../e2e/bff-world.mjs';
import { bffEnv } from './bff-raw.mjs';
import { send, signIn, startBackend, startProvider } from './bff-harness.mjs';

/*
 * A BFF process (the built packages/bff/dist/server.js) between the harness's
 * stand-in provider and backend, which run in the test's process: for faults
 * that need a real process – its memory, its signals, its exit code.
 */
export async function startProcessWorld(env = {}) {
  const provider = await startProvider();
  const backend = await startBackend();
  const bff = await startBffProcess(bffEnv({ BFF_ISSUER: provider.issuer, BFF_BACKEND_URL: `${backend.origin}/api`, ...env }));
  const origin = `http://127.0.0.1:${bff.port}`;
  return {
    provider,
    backend,
    bff,
    origin,
    request: (method, path, options) => send(origin, method, `/bff${path}`, options),
    signIn: (citizen) => signIn({ provider, origin }, citizen),
    /** Resolves with the first log line (parsed) from now on whose message is `message`. */
    nextLine(message) {
      let pending = '';
      return new Promise((resolve) => {
        const look = (text) => {
          const lines = (pending + text).split('\n');
          pending = lines.pop(); // a line the next chunk ends
          for (const line of lines.filter((part) => part.startsWith('{'))) {
            const parsed = JSON.parse(line);
            if (parsed.message !== message) continue;
            bff.child.stdout.off('data', look);
            return resolve(parsed);
          }
        };
        bff.child.stdout.on('data', look);
      });
    },
    /** The process's JSON log lines so far, parsed. */
    log: () => bff.logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
    /** The process's peak resident memory so far (VmHWM), in bytes. */
    peakMemory: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${bff.child.pid}/status`, 'utf8'))[1]) * 1024,
    /** Sends `signal` and resolves with the exit code once the process has ended. */
    async signal(name) {
      const exited = once(bff.child, 'exit');
      bff.child.kill(name);
      return (await exited)[0];
    },
    async stop() {
      await bff.stop();
      for (const server of [provider.server, backend.server]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
