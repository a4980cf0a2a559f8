import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/* The contract's mock backend (mock/backend.ts, mock/http-backend.ts) for plain .mjs tests, bundled by esbuild. */

let mockBackendModule;

/** Built once per test process: two worlds in one file share the module (not its state). */
export function loadMockBackend() {
  mockBackendModule ??= buildMockBackend();
  return mockBackendModule;
}

async function buildMockBackend() {
  const outfile = '.tmp/e2e/mock-backend.mjs';
  await build({ entryPoints: ['mock/e2e-exports.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
