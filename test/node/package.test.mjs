import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

/*
 * The package as an app developer gets it: `npm pack`, installed into a
 * scratch project without network (the tarball, and its dependencies from
 * this checkout), then bundled with esbuild and type-checked with
 * `moduleResolution: node10`.
 */

const WORK = resolve('.tmp/pack');
const ESBUILD = resolve('node_modules/.bin/esbuild');
const TSC = resolve('node_modules/.bin/tsc');

function pack() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'app'), { recursive: true });
  // The build ran before the Node tests (npm test); prepack would run it again.
  const [result] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', WORK], { encoding: 'utf8' }),
  );
  return result;
}

/**
 * What `npm install` would do, without any network: the tarball unpacked into
 * node_modules, its dependencies taken from this checkout's node_modules.
 */
function installWithoutNetwork(app) {
  const target = join(app, 'node_modules', 'buergerportal-widgets');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(WORK, packed.filename), '-C', target, '--strip-components=1']);
  for (const dependency of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'oauth4webapi']) {
    mkdirSync(dirname(join(app, 'node_modules', dependency)), { recursive: true });
    symlinkSync(resolve('node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
  }
}

const packed = pack();
const files = packed.files.map((file) => file.path);

test('the tarball holds the built files, types, licences, changelog, guide and plugin – and no tests, mocks or demo', () => {
  for (const file of [
    'dist/buergerportal-widgets.js',
    'dist/buergerportal-widgets.login.js',
    'dist/buergerportal-widgets.session.js',
    'dist/buergerportal-widgets.oidc.js',
    'dist/buergerportal-widgets.manager.js',
    'dist/buergerportal-widgets.bundle.js',
    'dist/buergerportal-widgets.js.map',
    'dist/THIRD-PARTY-NOTICES.txt',
    'dist/vscode.html-custom-data.json',
    'dist/esm/index.js',
    'dist/types/index.d.ts',
    'dist/types/frameworks/react.d.ts',
    'dist/types/frameworks/vue.d.ts',
    'LICENSE',
    'CHANGELOG.md',
    'README.md',
    'custom-elements.json',
    'docs/redaktionsleitfaden.md',
    'cms/wordpress/buergerportal-widgets/buergerportal-widgets.php',
  ]) {
    assert.ok(files.includes(file), `${file} is not in the tarball`);
  }
  assert.deepEqual(
    files.filter((file) => /^(test|mock|demo|scripts|public)\//.test(file)),
    [],
  );
});

test('every exported file exists in the tarball', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(manifest.private, undefined);
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const target of targets) assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is exported but not shipped`);
  for (const [, paths] of Object.entries(manifest.typesVersions['*']))
    for (const path of paths) assert.ok(files.includes(path), `${path} missing`);
});

test('every shipped script in dist/ is reachable by the package name through exports', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const targets = new Set(
    Object.values(manifest.exports)
      .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
      .map((target) => target.replace(/^\.\//, '')),
  );
  const scripts = files.filter((file) => /^dist\/[^/]+\.js$/.test(file));
  assert.ok(scripts.includes('dist/buergerportal-widgets.en.js') && scripts.includes('dist/buergerportal-widgets.de-x-ls.js'));
  assert.deepEqual(
    scripts.filter((file) => !targets.has(file)),
    [],
    'shipped but not in package.json "exports"',
  );
});

test('installed offline into a new project, it bundles and type-checks (node10 resolution)', () => {
  const app = join(WORK, 'app');
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-app', private: true, type: 'module', dependencies: { 'buergerportal-widgets': packed.version } }),
  );
  installWithoutNetwork(app);
  writeFileSync(
    join(app, 'main.ts'),
    [
      "import 'buergerportal-widgets';",
      "import { ServicekontoLogin } from 'buergerportal-widgets/servicekonto-login';",
      "import type {} from 'buergerportal-widgets/react';",
      "import type { KassenzeichenChangedEvent } from 'buergerportal-widgets';",
      "const login: ServicekontoLogin = document.createElement('servicekonto-login');",
      "login.provider = 'bundid';",
      "document.addEventListener('kassenzeichen-changed', (event: KassenzeichenChangedEvent) => console.log(event.detail.confirmed));",
      '',
    ].join('\n'),
  );
  execFileSync(ESBUILD, ['main.ts', '--bundle', '--format=esm', '--outfile=out.js', '--log-level=error'], { cwd: app });
  const bundle = readFileSync(join(app, 'out.js'), 'utf8');
  assert.ok(bundle.includes('kassenzeichen-manager') && bundle.includes('servicekonto-login'));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'commonjs',
        moduleResolution: 'node10',
        ignoreDeprecations: '6.0',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  // React's types are not installed in the scratch project: only the package's own types are checked here.
  writeFileSync(
    join(app, 'main.ts'),
    readFileSync(join(app, 'main.ts'), 'utf8').replace("import type {} from 'buergerportal-widgets/react';\n", ''),
  );
  execFileSync(TSC, ['-p', 'tsconfig.json'], { cwd: app, stdio: 'pipe' });
});
