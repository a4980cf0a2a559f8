import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

/** The text catalogs as the elements use them (German, English, Leichte Sprache), for tests that go by the citizen's words. */
export async function loadCatalogs() {
  const outfile = '.tmp/e2e/catalogs.mjs';
  await build({
    stdin: {
      contents:
        "export { de } from './src/i18n/de.ts'; export { en } from './src/i18n/en.ts'; export { deLs } from './src/i18n/de-x-ls.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Every plain string of a catalog (not the functions). */
export function strings(catalog) {
  const out = new Set();
  const walk = (value) => {
    if (typeof value === 'string') out.add(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  walk(catalog);
  return out;
}
