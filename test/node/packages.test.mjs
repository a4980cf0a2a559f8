import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { packBff } from './pack-bff.mjs';

/*
 * Two packages in one npm workspace (ARCHITECTURE.md, „Two packages“): the
 * widgets' package carries browser code only, the BFF's package its server
 * stack. Both packed as npm would publish them.
 */

const WORK = resolve('.tmp/packages');
const SERVER_STACK = ['@redis/client', 'jose', 'openid-client', 'prom-client', 'rate-limiter-flexible'];
const widgets = JSON.parse(readFileSync('package.json', 'utf8'));
const bff = JSON.parse(readFileSync('packages/bff/package.json', 'utf8'));

/** The bare specifiers a built ES module imports (static and dynamic). */
function importedPackages(file) {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"'./][^"']*)["']/g)].map((match) => match[1]);
  return new Set(
    specifiers.map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    ),
  );
}

const packed = packBff(WORK);
const files = packed.files.map((file) => file.path);

test('the workspace holds both packages; the widgets depend on no server library and have no bin', () => {
  assert.deepEqual(widgets.workspaces, ['packages/bff']);
  assert.deepEqual(Object.keys(widgets.dependencies).sort(), ['lit', 'oauth4webapi']);
  assert.equal(widgets.bin, undefined);
  assert.ok(!widgets.files.some((entry) => entry.startsWith('packages')), 'the widgets ship no BFF');
  assert.deepEqual(Object.keys(bff.dependencies).sort(), SERVER_STACK);
  assert.equal(bff.bin['buergerportal-bff'], 'dist/server.js');
  assert.equal(bff.engines.node, widgets.engines.node);
});

test('the BFF tarball holds its server, its contract, README, changelog and licence – no sources or tests', () => {
  for (const file of ['dist/server.js', 'dist/app.js', 'openapi.yaml', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'])
    assert.ok(files.includes(file), `${file} is not in the BFF's tarball`);
  assert.deepEqual(
    files.filter((file) => /^(src|test)\//.test(file) || file.endsWith('.ts')),
    [],
  );
});

test('the built BFF imports only Node and its own dependencies (the widgets’ protocol leaf is bundled in)', () => {
  const allowed = new Set([...SERVER_STACK, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  for (const file of ['packages/bff/dist/server.js', 'packages/bff/dist/app.js']) {
    const foreign = [...importedPackages(file)].filter((name) => !allowed.has(name));
    assert.deepEqual(foreign, [], `${file} imports ${foreign.join(', ')}`);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /from\s*["']\.\.?\//, `${file} imports a file outside the bundle`);
  }
});

test('installed from its tarball, the bin starts and names the missing settings; the package exports createBffApp', async () => {
  const app = join(WORK, 'app');
  const target = join(app, 'node_modules', 'buergerportal-bff');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(WORK, packed.filename), '-C', target, '--strip-components=1']);
  for (const dependency of SERVER_STACK) {
    mkdirSync(dirname(join(app, 'node_modules', dependency)), { recursive: true });
    symlinkSync(resolve('node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
  }
  const run = spawnSync(process.execPath, [join(target, bff.bin['buergerportal-bff'])], {
    cwd: app,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 10_000,
  });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /BFF_PUBLIC_URL/);
  const exported = await import(join(target, 'dist', 'app.js'));
  assert.equal(typeof exported.createBffApp, 'function');
});
