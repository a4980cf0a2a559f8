// npm run bench: the shipped files against the floor (a minimal Lit element
// with oidc-client-ts, built the same way), measured side by side in one run
// with the CPU slowed 4× and a "Slow 4G" network, cold cache. Timestamps are
// taken in the page. Prints the tables of bench/report.mjs: sizes, time to the
// sign-in button and its ratio to both floors, layout shift, click → provider,
// requests in sequence (the API on the page's origin and on another), and the
// overview with 1, 100 and 1,000 Kassenzeichen. Needs `npm run build` first (npm run bench does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { benchPage } from '../bench/pages.mjs';
import { printTables, stats } from '../bench/report.mjs';
import { launchBrowser, signInAtProvider } from '../test/e2e/browser.mjs';
import { chainsOf } from '../test/e2e/request-chain.mjs';
import { startE2eServer } from '../test/e2e/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Lighthouse's and WebPageTest's "Slow 4G": 400 ms round trip, 400 kbit/s each way. */
const SLOW_4G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
/** Which files a variant's page fetches, before the button and after it, is read from the page (see scriptsOf in bench/report.mjs). */
/** The shipped files as they were before issue 23's split of the first file, built in the same run. */
const BEFORE = process.env.BENCH_BEFORE ?? 'dae2b51';
const VARIANTS = [
  // The button waits for the first file (and what it imports); the session's and the manager's files come beside it.
  { name: 'first file without Lit (buergerportal-widgets.js, .login.js, .session.js, …)', page: 'two.html' },
  { name: `the same before the split (${BEFORE})`, page: 'before.html' },
  { name: 'one file (….bundle.js)', page: 'one.html' },
  { name: 'floor (Lit + oidc-client-ts)', page: 'floor.html' },
  // The floor built the project's way: oidc-client-ts imported on the click.
  { name: 'lazy floor (Lit; oidc-client-ts on the click)', page: 'floor-lazy.html' },
];

async function buildFloors() {
  for (const [entry, fileName, codeSplitting] of [
    ['bench/floor-login.ts', 'floor.js', false],
    ['bench/floor-lazy.ts', 'floor-lazy.js', true],
  ]) {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: '.tmp/bench',
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: () => fileName },
        rolldownOptions: { output: { minify: true, codeSplitting, chunkFileNames: 'floor-lazy.[name].js' } },
      },
      esbuild: { tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
    });
  }
}

/**
 * The script for CMS pages at {@link BEFORE}, built with that commit's own
 * sources and build settings into .tmp/bench/before/ (its first file with the
 * sessions inside): „before“ and „now“ from one run.
 */
function buildBefore() {
  const source = resolve('.tmp/bench/before-src');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  const parts = 'src scripts mock packages/bff/src packages/bff/package.json vite.config.ts package.json tsconfig.json';
  execFileSync('sh', ['-c', `git archive ${BEFORE} ${parts} | tar -x -C "${source}"`]);
  symlinkSync(resolve('node_modules'), join(source, 'node_modules'));
  if (existsSync('packages/bff/node_modules')) symlinkSync(resolve('packages/bff/node_modules'), join(source, 'packages/bff/node_modules'));
  for (const mode of ['production', 'manager'])
    execFileSync('npx', ['vite', 'build', '--mode', mode, '--outDir', resolve('.tmp/bench/before'), '--logLevel', 'error'], {
      cwd: source,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}

function writePages() {
  mkdirSync('.tmp/bench', { recursive: true });
  const origin = '{{ORIGIN}}';
  writeFileSync('.tmp/bench/two.html', benchPage({ script: '/dist/buergerportal-widgets.js', origin }));
  writeFileSync('.tmp/bench/one.html', benchPage({ script: '/dist/buergerportal-widgets.bundle.js', origin }));
  writeFileSync('.tmp/bench/before.html', benchPage({ script: '/bench/before/buergerportal-widgets.js', origin }));
  writeFileSync('.tmp/bench/floor.html', benchPage({ script: '/bench/floor.js', floor: true, origin }));
  writeFileSync('.tmp/bench/floor-lazy.html', benchPage({ script: '/bench/floor-lazy.js', floor: true, origin }));
}

/** A fresh context (cold cache) whose page runs on Slow 4G with the CPU 4× slower. */
async function throttledPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/**
 * One cold load, throttled: ms from navigation start to the sign-in button, the
 * layout shift by then plus a second, and the scripts fetched meanwhile (whether
 * each had arrived before the button).
 */
async function loadOnce(browser, url) {
  const { context, page } = await throttledPage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.button !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => ({
    button: window.__bench.button,
    shift: window.__bench.shift,
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ path: new URL(entry.name).pathname, beforeButton: entry.responseEnd <= window.__bench.button })),
  }));
  await context.close();
  return result;
}

/** Every variant loaded RUNS times, interleaved: `{ [page]: [load, …] }`. */
async function measureLoads(browser, world) {
  const loads = Object.fromEntries(VARIANTS.map((variant) => [variant.page, []]));
  // Every run loads each variant once, so that the machine's noise hits them alike;
  // the order rotates from run to run, so that no variant always comes first (or last).
  for (let run = 0; run < RUNS; run++) {
    for (const variant of [...VARIANTS.slice(run % VARIANTS.length), ...VARIANTS.slice(0, run % VARIANTS.length)]) {
      loads[variant.page].push(await loadOnce(browser, `${world.origin}/bench/${variant.page}`));
    }
  }
  return loads;
}

/**
 * Click → provider: ms from the click on the sign-in button to the browser's
 * request for the provider's authorization endpoint, throttled like a load.
 * `hoverMs`: the pointer rests on the button that long before the click (a
 * mouse user; 0: a click without a hover, as a tap or a script's click).
 */
async function clickOnce(browser, url, hoverMs) {
  const { context, page } = await throttledPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  const button = page.locator('servicekonto-login, floor-login').getByRole('button');
  await button.waitFor();
  // The page settles as a citizen's would before they click (idle work done).
  await page.waitForTimeout(1500);
  if (hoverMs > 0) {
    await button.hover();
    await page.waitForTimeout(hoverMs);
  }
  const atProvider = page.waitForRequest((request) => new URL(request.url()).pathname === '/oidc/auth', { timeout: 60_000 });
  const start = performance.now();
  await button.click({ noWaitAfter: true });
  await atProvider;
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

async function measureClicks(browser, world) {
  const clicks = { two: [], twoHover: [], before: [], floor: [], lazyFloor: [] };
  for (let run = 0; run < RUNS; run++) {
    clicks.two.push(await clickOnce(browser, `${world.origin}/bench/two.html`, 0));
    clicks.before.push(await clickOnce(browser, `${world.origin}/bench/before.html`, 0));
    clicks.twoHover.push(await clickOnce(browser, `${world.origin}/bench/two.html`, 300));
    clicks.floor.push(await clickOnce(browser, `${world.origin}/bench/floor.html`, 0));
    clicks.lazyFloor.push(await clickOnce(browser, `${world.origin}/bench/floor-lazy.html`, 0));
  }
  return clicks;
}

/** The chains of both shipped variants, with the API on the page's origin (`world`) and on another (`apart`). */
async function measureChains(browser, world, apart) {
  const chains = {};
  for (const [variant, page] of [
    ['two', '/bench/two.html'],
    ['before', '/bench/before.html'],
    ['one', '/bench/one.html'],
  ]) {
    chains[variant] = await chainsOf(browser, world.pageOrigin, page, signInAtProvider);
    chains[`${variant}Apart`] = await chainsOf(browser, apart.pageOrigin, page, signInAtProvider);
  }
  return chains;
}

/** The property manager's list cut to `count` Kassenzeichen (1,000 is the whole scenario). */
function listOf(backend, count) {
  backend.reset('property-manager');
  const state = JSON.parse(backend.save());
  backend.restore(JSON.stringify({ ...state, items: state.items.slice(0, count) }));
}

/**
 * Signed in on a page with `count` Kassenzeichen: ms from navigation to the
 * overview and the longest task meanwhile; then the longest task of a search
 * (an address, as typed) and of the way back to the overview from „Kassenzeichen hinzufügen“.
 */
async function overviewOnce(browser, world, count) {
  listOf(world.backend, count);
  const page = await browser.newPage();
  await page.goto(`${world.origin}/bench/two.html`);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager .items').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.reload();
  const manager = page.locator('kassenzeichen-manager');
  await manager.locator('.items').waitFor();
  const result = await page.evaluate(() => ({ shown: performance.now(), longest: Math.max(0, ...window.__tasks) }));
  const longestSince = async (act) => {
    await page.evaluate(() => (window.__tasks = []));
    await act();
    await page.waitForTimeout(300);
    return page.evaluate(() => Math.max(0, ...window.__tasks));
  };
  // The search field comes with more than a dozen Kassenzeichen.
  const searchField = manager.getByLabel('Kassenzeichen oder Anschrift suchen');
  const search =
    count > 12
      ? await longestSince(async () => {
          await searchField.pressSequentially('Lindenallee 3', { delay: 30 });
          await manager.locator('.items').waitFor();
        })
      : undefined;
  if (search !== undefined) await searchField.fill('');
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).first().click();
  await manager.getByRole('button', { name: 'Zurück' }).first().waitFor();
  const back = await longestSince(async () => {
    await manager.getByRole('button', { name: 'Zurück' }).first().click();
    await manager.locator('.items').waitFor();
  });
  await page.close();
  return { ...result, search, back };
}

/** The overview with 1, 100 and 1,000 Kassenzeichen: medians over at least 3 and at most 5 runs. */
async function measureOverview(browser, world) {
  const overview = {};
  for (const count of [1, 100, 1000]) {
    const runs = [];
    for (let run = 0; run < Math.max(3, Math.min(RUNS, 5)); run++) runs.push(await overviewOnce(browser, world, count));
    // Medians over the runs, as for the loads: one noisy run on a 2-core machine says little.
    const median = (key) => stats(runs.map((r) => r[key] ?? Number.NaN)).median;
    overview[count.toLocaleString('en')] = {
      shown: stats(runs.map((r) => r.shown)),
      longest: median('longest'),
      search: median('search'),
      back: median('back'),
    };
  }
  return overview;
}

await buildFloors();
buildBefore();
writePages();
const world = await startE2eServer({ scenario: 'returning' });
// The same pages with the API (and the provider) on another origin than the page, declared in its head.
const apart = await startE2eServer({ scenario: 'returning', crossOrigin: true });
const browser = await launchBrowser();
try {
  const loads = await measureLoads(browser, world);
  const clicks = await measureClicks(browser, world);
  const chains = await measureChains(browser, world, apart);
  const overview = await measureOverview(browser, world);
  printTables({ runs: RUNS, variants: VARIANTS, loads, clicks, chains, overview });
} finally {
  await browser.close();
  await world.close();
  await apart.close();
}
