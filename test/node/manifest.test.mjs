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

test('the manifest declares both elements by tag name, with the attributes the issues name', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
  const byTag = Object.fromEntries(
    elements.map((element) => [element.tagName, (element.attributes ?? []).map((attribute) => attribute.name)]),
  );
  assert.deepEqual(Object.keys(byTag).sort(), ['kassenzeichen-manager', 'servicekonto-login']);
  for (const name of ['authority', 'client-id', 'redirect-uri', 'provider', 'token-storage', 'compact'])
    assert.ok(byTag['servicekonto-login'].includes(name), name);
  for (const name of ['backend-url', 'login', 'heading-level', 'support-phone'])
    assert.ok(byTag['kassenzeichen-manager'].includes(name), name);
});
