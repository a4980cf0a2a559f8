// Writes dist/THIRD-PARTY-NOTICES.txt: the licences of the code the shipped
// files bundle (Lit and oauth4webapi), with copyright notices and full
// texts, as BSD-3-Clause and MIT require for
// redistribution. Also gives the short banner every shipped file starts with.
// Usage: node scripts/third-party-notices.mjs
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Everything the three shipped files bundle. */
export const BUNDLED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'oauth4webapi'];

/** Where npm put a package (some, like lit, do not export their package.json). */
function packageDir(name) {
  for (const base of [process.cwd()]) {
    const dir = join(base, 'node_modules', name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return dirname(require.resolve(name));
}

function licenceFile(dir) {
  return ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((name) => join(dir, name)).find((file) => existsSync(file)) ?? join(dir, 'LICENSE');
}

export function bundledPackages() {
  return BUNDLED.map((name) => {
    const dir = packageDir(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return { name, version: manifest.version, license: manifest.license, text: readFileSync(licenceFile(dir), 'utf8').trim() };
  });
}

/** The comment at the top of every shipped file. */
/** The licence comment atop a shipped file; `thirdParty: false` for a file with the project's own code only. */
export function banner({ thirdParty = true } = {}) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  if (!thirdParty) return `/*! buergerportal-widgets ${version} | EUPL-1.2 */`;
  const licences = [...new Set(bundledPackages().map((p) => `${p.name} (${p.license})`))].join(', ');
  return `/*! buergerportal-widgets ${version} | EUPL-1.2 | includes ${licences}; licence texts in THIRD-PARTY-NOTICES.txt */`;
}

export function notices() {
  const sections = bundledPackages().map((p) => `${p.name} ${p.version} – ${p.license}\n${'-'.repeat(60)}\n${p.text}\n`);
  return `Third-party software in buergerportal-widgets\n${'='.repeat(60)}\n\nThe files in dist/ include the following software, under the licences below.\n\n${sections.join('\n')}`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/THIRD-PARTY-NOTICES.txt', notices());
  console.log('wrote dist/THIRD-PARTY-NOTICES.txt');
}
