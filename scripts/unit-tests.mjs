// The pure core's tests (test/unit/*.test.ts): built for Node with esbuild and
// run by `node --test` – no browser, milliseconds. The build fails when a
// test's module graph reaches anything beyond the pure modules listed here:
// the state machine may not import Lit, the DOM, the session or fetch.
// Usage: node scripts/unit-tests.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const DIR = 'test/unit';
const OUT = '.tmp/unit';

/** What the pure core and its tests may import. */
export const PURE_MODULES = [
  /^src\/kassenzeichen-manager\/flow\//,
  /^src\/kassenzeichen-manager\/(form-validation|kassenzeichen-format)\.ts$/,
  /^src\/api\/(errors|retry-after)\.ts$/,
  /^src\/auth\/id-token\.ts$/,
  /^test\/unit\//,
  /(^|\/)node_modules\/@esm-bundle\/chai\//,
];

const entryPoints = readdirSync(DIR)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `${DIR}/${name}`);
const result = await build({
  entryPoints,
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  external: ['node:*'],
  metafile: true,
  logLevel: 'error',
});
const impure = Object.keys(result.metafile.inputs).filter((input) => !PURE_MODULES.some((pattern) => pattern.test(input)));
if (impure.length > 0) {
  console.error(`The pure core reaches modules that are not pure (see PURE_MODULES in scripts/unit-tests.mjs):\n  ${impure.join('\n  ')}`);
  process.exit(1);
}
const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.mjs'));
const run = spawnSync(process.execPath, ['--test', ...outputs], { stdio: 'inherit' });
process.exit(run.status ?? 1);
