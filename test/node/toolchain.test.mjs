import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

/*
 * The tool versions agree with what the README promises (issue 24, item 6):
 * `npm ci` on the README's Node prints no EBADENGINE warning, and the build
 * prints no warning at all – a new one is a change someone has to look at.
 */

const widgets = JSON.parse(readFileSync('package.json', 'utf8'));
const bff = JSON.parse(readFileSync('packages/bff/package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const lowestNode = semver.minVersion(widgets.engines.node).version;

test('the README and both packages name the same lowest Node', () => {
  assert.equal(bff.engines.node, widgets.engines.node);
  const [major, minor] = lowestNode.split('.');
  assert.match(readFileSync('README.md', 'utf8'), new RegExp(`Node\\.js ${major}\\.${minor} or newer`));
});

test('every package in the lockfile runs on the lowest Node the README names (no EBADENGINE at npm ci)', () => {
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => typeof entry.engines?.node === 'string')
    .filter(([, entry]) => !semver.satisfies(lowestNode, entry.engines.node, { includePrerelease: true }))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}: ${entry.engines.node}`);
  assert.deepEqual(refusing, [], `these want another Node than ${lowestNode}`);
});

test('the four Vite builds print no warning', () => {
  const out = mkdtempSync(join(tmpdir(), 'bp-quiet-build-'));
  try {
    for (const mode of ['production', 'manager', 'single', 'modules']) {
      const run = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', join(out, mode), '--emptyOutDir'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      assert.equal(run.status, 0, run.stderr);
      const printed = `${run.stdout}\n${run.stderr}`;
      const warnings = printed.split('\n').filter((line) => /warn|\[[A-Z_]{4,}\]|deprecat/i.test(line));
      assert.deepEqual(warnings, [], `vite build --mode ${mode}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
