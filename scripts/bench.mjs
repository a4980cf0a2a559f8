// npm run bench: sizes of the shipped files and the time from script start to
// the first rendered view of each element in headless Chromium (median of runs).
// Needs `npm run build` first (npm run bench does it).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/e2e/browser.mjs';
import { startE2eServer } from '../test/e2e/server.mjs';

const FILES = ['dist/buergerportal-widgets.js', 'dist/buergerportal-widgets.oidc.js'];
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** In the page: ms from the script's request start to the first content of each element, and to its sign-in button. */
function timings() {
  const script = performance.getEntriesByType('resource').find((entry) => entry.name.includes('buergerportal-widgets.js'));
  return new Promise((resolve) => {
    const seen = {};
    const check = () => {
      const now = performance.now();
      for (const tag of ['servicekonto-login', 'kassenzeichen-manager']) {
        const root = document.querySelector(tag)?.shadowRoot;
        if (root && root.childElementCount > 0) seen[`${tag} first view`] ??= now;
        if (root?.querySelector('button')) seen[`${tag} sign-in button`] ??= now;
      }
      if (Object.keys(seen).length === 4) {
        const start = script?.startTime ?? 0;
        resolve(Object.fromEntries(Object.entries(seen).map(([key, value]) => [key, value - start])));
      } else requestAnimationFrame(check);
    };
    check();
  });
}

const table = FILES.map((file) => ({ file, ...sizes(file) }));
const total = table.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log('file                                  raw        gzip      brotli');
for (const row of [...table, { file: 'total', ...total }]) {
  console.log(`${row.file.padEnd(36)} ${kb(row.raw).padStart(9)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);
}

const world = await startE2eServer({ scenario: 'returning' });
const browser = await launchBrowser();
const samples = {};
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.origin}/pages/portal.html`);
    const result = await page.evaluate(timings);
    for (const [key, value] of Object.entries(result)) (samples[key] ??= []).push(value);
    await context.close();
  }
} finally {
  await browser.close();
  await world.close();
}
console.log(`\ntime from script start, median of ${RUNS} runs (headless Chromium, local server):`);
for (const [key, values] of Object.entries(samples)) console.log(`  ${key.padEnd(40)} ${median(values).toFixed(0).padStart(5)} ms`);
