import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

test('custom-elements.json is generated from the current sources', () => {
  // The analyzer resolves its outdir against the working directory.
  const outdir = '.tmp/cem-check';
  rmSync(outdir, { recursive: true, force: true });
  execFileSync('node', ['scripts/manifest.mjs', outdir], { stdio: 'pipe' });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  assert.ok(fresh === committed, 'custom-elements.json is stale: run `npm run manifest` and commit the result');
});

test('package.json points to the manifest', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
});
