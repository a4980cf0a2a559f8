import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
// The bench's tables (npm run bench), printed as Markdown.

export const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** A fetched script's file: the bench's own under .tmp/bench, the shipped ones under dist/. */
const fileOf = (path) => (path.startsWith('/bench/') ? `.tmp/bench/${path.slice('/bench/'.length)}` : path.slice(1));
const gz = (paths) => paths.reduce((sum, path) => sum + gzipSync(readFileSync(fileOf(path)), { level: 9 }).length, 0);
const fileNames = (paths) => paths.map((path) => path.split('/').at(-1)).join(', ') || '–';

/**
 * The scripts a variant's page fetched in its loads: `first`, those that had
 * arrived before the button in most loads (the button may have waited for
 * them), and `later`, the rest. Read from the page, so that a file split in
 * two needs no list kept by hand.
 */
function scriptsOf(loads) {
  const arrivedBefore = new Map();
  for (const { path, beforeButton } of loads.flatMap((load) => load.scripts)) {
    arrivedBefore.set(path, (arrivedBefore.get(path) ?? 0) + (beforeButton ? 1 : 0));
  }
  const paths = [...arrivedBefore.keys()];
  const first = paths.filter((path) => arrivedBefore.get(path) * 2 > loads.length);
  return { first, later: paths.filter((path) => !first.includes(path)) };
}

function printLoads(runs, variants, loads) {
  const median = (page) => stats(loads[page].map((load) => load.button)).median;
  const floor = median('floor.html');
  const lazyFloor = median('floor-lazy.html');
  console.log(
    `\nSide by side, ${runs} interleaved cold loads each, CPU 4× slower, Slow 4G (400 ms, 400 kbit/s), gzip as a web server sends it; the button counts when it is enabled, visible, in the viewport and hit at its centre:\n`,
  );
  console.log(
    '| variant | gzip before the button | gzip after it (within 1 s) | button: median (min–max) | ratio to floor | ratio to lazy floor | layout shift |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const variant of variants) {
    const button = stats(loads[variant.page].map((load) => load.button));
    const shift = stats(loads[variant.page].map((load) => load.shift));
    const { first, later } = scriptsOf(loads[variant.page]);
    console.log(
      `| ${variant.name} | ${kb(gz(first))} | ${later.length ? kb(gz(later)) : '–'} | ${ms(button.median)} (${button.min.toFixed(0)}–${button.max.toFixed(0)}) | ${(button.median / floor).toFixed(2)} | ${(button.median / lazyFloor).toFixed(2)} | ${shift.median.toFixed(3)} |`,
    );
  }
  console.log();
  for (const variant of variants) {
    const { first, later } = scriptsOf(loads[variant.page]);
    console.log(`  ${variant.page}: before the button ${fileNames(first)}; after it ${fileNames(later)}`);
  }
}

function printClicks(clicks) {
  const floorClick = stats(clicks.floor).median;
  console.log('\n| click → provider (Slow 4G, CPU 4×) | median (min–max) | ratio to the floor |');
  console.log('|---|---|---|');
  for (const [label, values] of [
    ['now, a click (or tap) without hover', clicks.two],
    ['now, the pointer on the button 300 ms before', clicks.twoHover],
    ['before the split, a click without hover', clicks.before],
    ['floor (oidc-client-ts, discovery on the click)', clicks.floor],
    ['lazy floor (oidc-client-ts and discovery on the click)', clicks.lazyFloor],
  ]) {
    const { median, min, max } = stats(values);
    console.log(`| ${label} | ${ms(median)} (${min.toFixed(0)}–${max.toFixed(0)}) | ${(median / floorClick).toFixed(2)} |`);
  }
}

function printChains(chains) {
  console.log(
    '\n| requests in sequence to the list | now, API on the page’s origin | now, API on another origin | before the split, page’s origin | before the split, other origin | one file, API on the page’s origin | one file, API on another origin |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const variants = ['two', 'twoApart', 'before', 'beforeApart', 'one', 'oneApart'];
  const row = (label, key) => console.log(`| ${label} | ${variants.map((variant) => chains[variant][key].length).join(' | ')} |`);
  row('callback → overview', 'toList');
  row('reload while signed in (preflight cached)', 'reloadToList');
  row('reload after the preflight’s max-age', 'laterToList');
  console.log();
  for (const [label, chain] of [
    ['now, same origin, callback', chains.two.toList],
    ['now, same origin, reload', chains.two.reloadToList],
    ['now, other origin, callback', chains.twoApart.toList],
    ['now, other origin, reload', chains.twoApart.reloadToList],
    ['now, other origin, max-age over', chains.twoApart.laterToList],
    ['before the split, same origin, reload', chains.before.reloadToList],
    ['one file, same origin, callback', chains.one.toList],
  ]) {
    console.log(`  ${label.padEnd(38)} ${chain.join(' → ')}`);
  }
}

function printOverview(overview) {
  console.log(
    '\n| overview (reload, signed in, CPU 4×; medians) | shown after: median (min–max) | longest task: opening | a search | the way back |',
  );
  console.log('|---|---|---|---|---|');
  for (const [label, { shown, longest, search, back }] of Object.entries(overview)) {
    console.log(
      `| ${label} Kassenzeichen | ${ms(shown.median)} (${shown.min.toFixed(0)}–${shown.max.toFixed(0)}) | ${ms(longest)} | ${ms(search)} | ${ms(back)} |`,
    );
  }
}

export function printTables({ runs, variants, loads, clicks, chains, overview }) {
  printLoads(runs, variants, loads);
  printClicks(clicks);
  printChains(chains);
  printOverview(overview);
}
