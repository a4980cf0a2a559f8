import { build } from 'esbuild';

/*
 * The BFF for Node: one ES module, dist/bff/server.js, with the package's
 * dependencies (openid-client, jose, @redis/client) left as imports.
 */
await build({
  entryPoints: { server: 'src/bff/server.ts', app: 'src/bff/app-exports.ts' },
  outdir: 'dist/bff',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
