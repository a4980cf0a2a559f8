import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

/** The one file a page includes: without Lit, it paints the sign-in button and begins what must not wait. */
const FILE = 'dist/buergerportal-widgets.js';
/** Lit and the login's element, loaded by FILE beside itself. */
const LOGIN_FILE = 'dist/buergerportal-widgets.login.js';
/** The manager's own code, loaded by FILE when a manager is on the page; it takes lit and the rest from FILE. */
const MANAGER_FILE = 'dist/buergerportal-widgets.manager.js';
/** The sessions, the API client and the manager's set-up: loaded by FILE beside itself; the sign-in button does not wait for it. */
const SESSION_FILE = 'dist/buergerportal-widgets.session.js';
/** The protocol module (oauth4webapi), loaded by SESSION_FILE once the page is idle, at the first sign-in click, a renewal or sign-out. */
const OIDC_CHUNK = 'dist/buergerportal-widgets.oidc.js';
/** Everything in one file, for sites that want to place a single file. */
const SINGLE = 'dist/buergerportal-widgets.bundle.js';
/** The texts in further languages, loaded by FILE from beside it when a page asks for them. */
const LANGUAGE_CHUNKS = ['dist/buergerportal-widgets.en.js', 'dist/buergerportal-widgets.de-x-ls.js'];
const SHIPPED = [FILE, LOGIN_FILE, SESSION_FILE, MANAGER_FILE, OIDC_CHUNK, ...LANGUAGE_CHUNKS, SINGLE];
// What the sign-in button waits for: the first view (its markup, German words and styles), the
// login's configuration, the way back's first step and the other head starts, and the loaders.
// The login's file brings Lit, the element and the stand-in for the session (deferred-session.ts);
// the session's file both kinds of session and the API client; the manager's file its views,
// flow and German texts.
const BUDGET_GZIP_BYTES = 10 * 1024;
const LOGIN_BUDGET_GZIP_BYTES = 17 * 1024;
const SESSION_BUDGET_GZIP_BYTES = 12 * 1024;
const MANAGER_BUDGET_GZIP_BYTES = 17 * 1024;

const sourcesOf = (file) => JSON.parse(readFileSync(`${file}.map`, 'utf8')).sources;

test('the single file exists (run `npm run build` first)', () => {
  assert.ok(existsSync(FILE), `${FILE} is missing`);
});

test('the script needs nothing but its own files beside it (login, session, manager, oidc, English, Leichte Sprache): no bare imports', () => {
  const first = readFileSync(FILE, 'utf8');
  assert.doesNotMatch(first, /^import[\s{*]|;import[\s{*]|\bimport\(\s*["'`]/m, 'the first file imports by address only');
  for (const file of ['login', 'session', 'manager'])
    assert.ok(first.includes(`buergerportal-widgets.${file}.js`), `the first file loads the ${file} file beside itself`);
  assert.ok(!sourcesOf(FILE).some((source) => source.includes('node_modules')), 'no third-party code (and no Lit) in the first file');
  const entry = readFileSync(LOGIN_FILE, 'utf8');
  assert.doesNotMatch(entry, /^import[\s{*]|;import[\s{*]/m, 'static import found');
  const dynamicImports = [...entry.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]);
  assert.deepEqual(dynamicImports.sort(), ['./buergerportal-widgets.de-x-ls.js', './buergerportal-widgets.en.js']);
  assert.ok(entry.includes('buergerportal-widgets.from-main'), 'the login file takes what it shares with the first file from there');
  const session = readFileSync(SESSION_FILE, 'utf8');
  assert.doesNotMatch(session, /^import[\s{*]|;import[\s{*]/m, 'no static import in the session file');
  const sessionImports = [...session.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]);
  assert.deepEqual(sessionImports, ['./buergerportal-widgets.oidc.js'], 'the session file loads the protocol file only');
  assert.ok(
    first.includes('`buergerportal-widgets.oidc.js`') ||
      first.includes("'buergerportal-widgets.oidc.js'") ||
      first.includes('"buergerportal-widgets.oidc.js"'),
    'the first file asks for the protocol file under the name the session file imports',
  );
  assert.ok(session.includes('buergerportal-widgets.from-main'), 'it takes what it shares with the script from there');
  for (const chunk of LANGUAGE_CHUNKS)
    assert.doesNotMatch(readFileSync(chunk, 'utf8'), /\bimport\s*\(|^import[\s{*]/m, `${chunk} imports nothing`);
  const chunk = readFileSync(OIDC_CHUNK, 'utf8');
  assert.doesNotMatch(chunk, /\bimport\s*\(|^import[\s{*]/m, 'the chunk imports nothing');
  assert.ok(chunk.includes('oauth4webapi') || chunk.includes('code_challenge_method'), 'the chunk holds the protocol (oauth4webapi)');
});

test('the shipped files contain neither msw nor demo or mock code', () => {
  const code = SHIPPED.map((file) => readFileSync(file, 'utf8')).join('\n');
  for (const marker of ['mockServiceWorker', 'msw', 'MockBackend', 'Erika Mustermann', 'first-visit', 'K7M4-P2QX', 'Lit is in dev mode']) {
    assert.ok(!code.includes(marker), `found "${marker}" in ${FILE}`);
  }
});

test('the login file registers the elements guarded against a second load', () => {
  const code = readFileSync(LOGIN_FILE, 'utf8');
  assert.match(code, /customElements\.get\(/);
  assert.ok(code.includes('servicekonto-login'));
  assert.ok(code.includes('kassenzeichen-manager'));
});

test(`the script stays under ${BUDGET_GZIP_BYTES} bytes gzip, the login's file under ${LOGIN_BUDGET_GZIP_BYTES}, the session's under ${SESSION_BUDGET_GZIP_BYTES}, the manager's under ${MANAGER_BUDGET_GZIP_BYTES}`, () => {
  for (const [file, budget] of [
    [FILE, BUDGET_GZIP_BYTES],
    [LOGIN_FILE, LOGIN_BUDGET_GZIP_BYTES],
    [SESSION_FILE, SESSION_BUDGET_GZIP_BYTES],
    [MANAGER_FILE, MANAGER_BUDGET_GZIP_BYTES],
  ]) {
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    assert.ok(gzip <= budget, `${file} is ${gzip} bytes gzip, budget ${budget}`);
  }
});

/**
 * Pure leaf modules (no imports of their own) that the manager's pure core
 * imports directly, so that its tests run in Node: a small second copy is
 * cheaper than a pure core that reaches Lit through from-main.ts.
 */
const PURE_LEAVES_IN_BOTH = ['../src/kassenzeichen-manager/kassenzeichen-format.ts'];

test("the manager's file imports nothing and takes what it shares with the script from it: no module is in both", () => {
  const code = readFileSync(MANAGER_FILE, 'utf8');
  assert.doesNotMatch(code, /\bimport\s*\(|^import[\s{*]|;import[\s{*]/m, 'no import in the manager file');
  assert.ok(code.includes('buergerportal-widgets.from-main'), 'it reads from the main file');
  const inScript = new Set([...sourcesOf(FILE), ...sourcesOf(LOGIN_FILE)]);
  const inSessionFile = new Set(sourcesOf(SESSION_FILE));
  const twice = sourcesOf(MANAGER_FILE).filter(
    (source) => (inScript.has(source) || inSessionFile.has(source)) && !PURE_LEAVES_IN_BOTH.includes(source),
  );
  assert.deepEqual(twice, [], 'modules bundled twice: import them through src/kassenzeichen-manager/from-main.ts');
  assert.ok(!inScript.has('../src/kassenzeichen-manager/views/add.ts'), 'the script holds none of the manager’s views');
});

test("the login's file holds no module of the first file: it takes them through src/first-view/from-first-view.ts", () => {
  const inFirst = new Set(sourcesOf(FILE));
  assert.deepEqual(
    sourcesOf(LOGIN_FILE).filter((source) => inFirst.has(source)),
    [],
  );
  assert.ok(inFirst.has('../src/auth/code-exchange.ts'), 'the way back’s first step is in the first file');
});

test("the session's file holds no module of the script: it takes them through src/session-file/from-main.ts", () => {
  const inScript = new Set([...sourcesOf(FILE), ...sourcesOf(LOGIN_FILE)]);
  assert.deepEqual(
    sourcesOf(SESSION_FILE).filter((source) => inScript.has(source)),
    [],
  );
  for (const held of ['auth/auth-session.ts', 'auth/bff-session.ts', 'api/client.ts', 'auth/callback.ts', 'auth/oidc-runtime.ts'])
    assert.ok(!inScript.has(`../src/${held}`) && inSessionFile(held), `${held}: in the session's file, not in the script`);
  assert.ok(!sourcesOf(SESSION_FILE).some((source) => source.includes('node_modules/lit')), 'no Lit in the session file');
});

const inSessionFile = (module) => sourcesOf(SESSION_FILE).includes(`../src/${module}`);

test('the ES modules and their types exist for bundler users', () => {
  for (const file of [
    'dist/esm/index.js',
    'dist/esm/servicekonto-login/define.js',
    'dist/esm/kassenzeichen-manager/define.js',
    'dist/esm/i18n/register-en.js',
    'dist/types/index.d.ts',
    'dist/types/servicekonto-login/define.d.ts',
    'dist/types/kassenzeichen-manager/define.d.ts',
  ]) {
    assert.ok(existsSync(file), `${file} is missing`);
  }
  const esm = readFileSync('dist/esm/index.js', 'utf8');
  assert.doesNotMatch(esm, /msw/);
});

test('the one-file variant needs no other file at all', () => {
  const code = readFileSync(SINGLE, 'utf8');
  assert.doesNotMatch(code, /^import[\s{*]|;import[\s{*]/m, 'static import found');
  assert.doesNotMatch(code, /\bimport\(\s*["'`]/, 'dynamic import of a file found');
  assert.ok(code.includes('servicekonto-login') && code.includes('kassenzeichen-manager'));
});

test('every shipped file names its licence and the licences of what it bundles', () => {
  assert.match(
    readFileSync(FILE, 'utf8').slice(0, 100),
    /^\/\*! buergerportal-widgets [\d.]+ \| EUPL-1\.2 \*\//,
    'the first file: own code only',
  );
  for (const file of SHIPPED.filter((shipped) => shipped !== FILE)) {
    const head = readFileSync(file, 'utf8').slice(0, 400);
    assert.match(
      head,
      /^\/\*! buergerportal-widgets [\d.]+ \| EUPL-1\.2 \| includes lit \(BSD-3-Clause\).*oauth4webapi \(MIT\).*THIRD-PARTY-NOTICES\.txt \*\//,
      file,
    );
  }
  const notices = readFileSync('dist/THIRD-PARTY-NOTICES.txt', 'utf8');
  for (const text of ['Copyright (c) 2017 Google LLC', 'Copyright (c) 2022 Filip Skokan', 'The MIT License'])
    assert.ok(notices.includes(text), text);
});
