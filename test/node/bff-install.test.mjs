import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { freePort, startRedis } from '../e2e/bff-world.mjs';
import { startProvider } from './bff-harness.mjs';
import { packBff } from './pack-bff.mjs';

/*
 * Issue 22, item 10: the README's „Install and run“ runs as it stands, on the
 * package as npm would publish it (`npm pack`), against a real redis-server
 * set up as its „Redis“ says. The blocks are read from the README by their
 * markers (`<!-- bff-install: … -->`); the test changes only what a test
 * must: the folders (/opt, /etc) become scratch folders, the package name
 * the tarball, the settings' values its own, the port a free one.
 *
 * Offline: npm cannot resolve the tarball's dependency ranges without the
 * registry's package documents (`npm install --offline` fails with
 * ENOTCACHED: `npm ci` cached the tarballs, not those documents). So the
 * scratch folder first gets a package-lock.json made from the repository's
 * lock – the versions `npm ci` installed – and the README's `npm install`
 * then runs offline from npm's cache: a real install, bin link included.
 */

const README = readFileSync('packages/bff/README.md', 'utf8');
const bff = JSON.parse(readFileSync('packages/bff/package.json', 'utf8'));
const WORK = resolve('.tmp/bff-install');

/** The code block after `<!-- bff-install: name -->`. */
function block(name) {
  const match = new RegExp(`<!-- bff-install: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(README);
  assert.ok(match, `the README has no block „${name}“`);
  return match[1];
}

const INSTALL = block('install');
const SETTINGS = block('settings');
/** The folders the README installs into: the first mkdir, the settings file's folder. */
const INSTALL_DIR = /mkdir -p (\S+)/.exec(INSTALL)[1];
const SETTINGS_FILE = /cat > (\S+)/.exec(SETTINGS)[1];
const SETTINGS_DIR = SETTINGS_FILE.slice(0, SETTINGS_FILE.lastIndexOf('/'));

/** The scratch folder's package.json and lock: the tarball and the BFF's dependencies as the repository's lock has them. */
function seedLock(folder, tarball) {
  const { packages: locked } = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const spec = `file:${tarball}`;
  const { version, license, dependencies, bin, engines } = bff;
  const packages = {
    '': { dependencies: { 'buergerportal-bff': spec } },
    'node_modules/buergerportal-bff': { version, resolved: spec, integrity, license, dependencies, bin, engines },
  };
  const queue = Object.keys(dependencies);
  while (queue.length > 0) {
    const key = `node_modules/${queue.shift()}`;
    if (packages[key]) continue;
    packages[key] = locked[key];
    queue.push(...Object.keys(locked[key].dependencies ?? {}));
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ dependencies: packages[''].dependencies }));
  writeFileSync(join(folder, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, requires: true, packages }));
}

/** `sh -e -c script`; its stdout. */
function sh(script, env = {}) {
  return execFileSync('sh', ['-e', '-c', script], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

/** The settings block with the test's values in place of the README's examples (every name the README uses must be known here). */
function withValues(script, values) {
  const names = [...script.matchAll(/^(BFF_[A-Z_]+)=/gm)].map((match) => match[1]);
  assert.deepEqual(names.sort(), Object.keys(values).sort(), 'the README’s settings are the ones this test gives values');
  return script.replace(/^(BFF_[A-Z_]+)=.*$/gm, (_, name) => `${name}=${values[name]}`);
}

/** Starts the README's start block in its own process group; resolves once it logs `listening`. */
async function startAsWritten(script, port) {
  const child = spawn('sh', ['-e', '-c', script], {
    detached: true,
    // Only what a fresh shell has: the settings come from the file.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), npm_config_offline: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let output = '';
  const listening = new Promise((resolve, reject) => {
    const collect = (text) => {
      output += text;
      lines.push(...text.split('\n').filter((line) => line.startsWith('{')));
      if (/"message":"listening"/.test(text)) resolve();
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
    child.once('exit', (code) => reject(new Error(`ended with ${code} before listening: ${output}`)));
  });
  await listening;
  return {
    lines: () => lines.map((line) => JSON.parse(line)),
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(-child.pid, 'SIGKILL');
      await once(child, 'exit');
    },
  };
}

const packed = packBff(WORK);
const files = packed.files.map((file) => file.path);

test('the README’s install, settings, start and check run as written: the packed package answers /health with Redis as the README sets it', async () => {
  const started = performance.now();
  const scratch = (text) => text.replaceAll(INSTALL_DIR, join(WORK, INSTALL_DIR)).replaceAll(SETTINGS_DIR, join(WORK, SETTINGS_DIR));
  assert.match(
    INSTALL,
    new RegExp(`npm install --omit=dev buergerportal-bff@${bff.version.replaceAll('.', '\\.')}\\n`),
    'the README installs this version',
  );
  seedLock(join(WORK, INSTALL_DIR), packed.tarball);
  sh(
    scratch(INSTALL)
      .replace(`buergerportal-bff@${bff.version}`, packed.tarball)
      .replace('npm install ', 'npm install --offline --no-audit --no-fund '),
  );
  const installed = join(WORK, INSTALL_DIR, 'node_modules');
  assert.equal(JSON.parse(readFileSync(join(installed, 'buergerportal-bff', 'package.json'), 'utf8')).version, bff.version);
  assert.ok(existsSync(join(installed, '.bin', 'buergerportal-bff')), 'npm linked the bin');
  const installMs = Math.round(performance.now() - started);

  const redisConf = block('redis.conf')
    .trim()
    .split('\n')
    .flatMap((line) => {
      const [name, ...value] = line.trim().split(/\s+/);
      return [`--${name}`, value.join(' ')];
    });
  const redis = await startRedis({ appendonly: true, settings: redisConf });
  const provider = await startProvider();
  let bffProcess;
  try {
    sh(
      scratch(
        withValues(SETTINGS, {
          BFF_PUBLIC_URL: 'http://127.0.0.1:9/buergerportal-bff',
          BFF_ISSUER: provider.issuer,
          BFF_CLIENT_ID: 'bff-test',
          BFF_CLIENT_SECRET: 'test-secret',
          BFF_BACKEND_URL: 'http://127.0.0.1:9/api',
          BFF_ALLOWED_ORIGINS: 'http://127.0.0.1:9',
          BFF_SESSION_STORE: redis.url,
        }),
      ),
    );
    assert.match(readFileSync(join(WORK, SETTINGS_FILE), 'utf8'), /^BFF_STORE_KEY=[A-Za-z0-9+/]{43}=$/m, 'a store key of 32 bytes');
    const port = await freePort();
    bffProcess = await startAsWritten(scratch(block('start')), port);
    const health = sh(block('check').replaceAll('8787', String(port)));
    assert.equal(health.trim(), '{"status":"ok"}');
    const warnings = bffProcess.lines().filter(({ level }) => level === 'warn');
    assert.deepEqual(warnings, [], 'Redis as the README sets it, the provider reachable, the store sealed: no warning');
    console.log(
      `installed from the tarball offline in ${installMs} ms; started and healthy after ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await bffProcess?.stop();
    provider.server.closeAllConnections();
    await new Promise((resolve) => provider.server.close(resolve));
    await redis.stop();
  }
});

test('the package brings the systemd unit and the container file; the unit matches the README’s installation and passes systemd-analyze verify', (t) => {
  for (const file of ['deploy/buergerportal-bff.service', 'deploy/Containerfile'])
    assert.ok(files.includes(file), `${file} is not in the tarball`);
  const unit = readFileSync('packages/bff/deploy/buergerportal-bff.service', 'utf8');
  const setting = (name) => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1]);
  assert.deepEqual(setting('ExecStart'), [`/usr/bin/node ${INSTALL_DIR}/node_modules/buergerportal-bff/${bff.bin['buergerportal-bff']}`]);
  assert.deepEqual(setting('EnvironmentFile'), [SETTINGS_FILE]);
  assert.deepEqual(setting('RestartPreventExitStatus'), ['2 4']);
  for (const code of ['2', '4']) assert.match(README, new RegExp(`^\\| \`${code}\` \\|`, 'm'), `the README's exit code ${code}`);
  for (const [name, value] of [
    ['DynamicUser', 'yes'],
    ['NoNewPrivileges', 'yes'],
    ['ProtectSystem', 'strict'],
    ['Restart', 'on-failure'],
  ])
    assert.deepEqual(setting(name), [value], name);

  const containerfile = readFileSync('packages/bff/deploy/Containerfile', 'utf8');
  assert.match(containerfile, /^FROM node:20-slim$/m);
  assert.match(containerfile, new RegExp(`^ARG VERSION=${bff.version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(containerfile, /npm install --omit=dev [^\n]*"buergerportal-bff@\$\{VERSION\}"/);
  assert.match(containerfile, /^USER node$/m, 'not root');
  assert.match(containerfile, new RegExp(`^CMD \\["node", "node_modules/buergerportal-bff/${bff.bin['buergerportal-bff']}"\\]$`, 'm'));

  const analyze = spawnSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' }).stdout.trim();
  if (!analyze) return t.skip('systemd-analyze is not installed here: the unit is not verified');
  // verify checks that ExecStart's program exists: the unit names /usr/bin/node.
  if (!existsSync('/usr/bin/node')) return t.skip('no /usr/bin/node here: systemd-analyze verify would only say that');
  const folder = join(WORK, 'systemd');
  mkdirSync(folder, { recursive: true });
  copyFileSync('packages/bff/deploy/buergerportal-bff.service', join(folder, 'buergerportal-bff.service'));
  const verified = spawnSync(analyze, ['verify', join(folder, 'buergerportal-bff.service')], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(verified.status, 0, verified.stderr);
  assert.equal(verified.stderr.trim(), '', 'no warnings');
});
