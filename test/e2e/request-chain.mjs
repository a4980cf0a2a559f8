/*
 * How many requests the citizen waits for one after another, from the
 * browser's own timings (CORS preflights apart). Shared by the test and the bench.
 */

const LATENCY_MS = 60;
/**
 * How far a request's recorded end may lie after the start of one that waited for
 * it: the browser reports the end of a (compressed) answer a little late, up to some
 * 25 ms here. Half the added latency: requests made together start closer than that,
 * and each answer takes longer.
 */
const REPORTED_LATE_MS = LATENCY_MS / 2;

/**
 * Every answer takes `ms`, as over a real network: on loopback answers are so
 * fast that two requests made at the same time could look as if one waited for the other.
 */
export async function addLatency(page, ms = LATENCY_MS) {
  await page.route('**/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Records the page's requests with their start and end times (ms since the epoch). */
export function recordRequests(page) {
  const requests = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    const url = new URL(request.url());
    if (url.pathname === '/favicon.ico') return;
    requests.push({
      label: `${request.method()} ${url.pathname}${url.search.includes('code=') ? ' (callback)' : ''}`,
      preflight: request.method() === 'OPTIONS',
      start: timing.startTime,
      end: timing.startTime + timing.responseEnd,
    });
  });
  return requests;
}

/**
 * The longest chain of requests where each starts only after the one before has
 * ended; with `endsWith`, the longest of those that end in a request it accepts.
 */
export function longestChain(requests, endsWith = () => true) {
  const sorted = requests.filter((r) => !r.preflight).sort((a, b) => a.start - b.start);
  const chains = [];
  for (const request of sorted) {
    const before = chains.filter((chain) => chain.at(-1).end <= request.start + REPORTED_LATE_MS).sort(longerFirst)[0] ?? [];
    chains.push([...before, request]);
  }
  const ending = chains.filter((chain) => endsWith(chain.at(-1)));
  return ending.sort(longerFirst)[0]?.map((r) => r.label) ?? [];
}

/** Longer chains first; of equally long ones, the one through scripts rather than the page's stylesheet (what a reader expects). */
const longerFirst = (a, b) => b.length - a.length || stylesheets(a) - stylesheets(b);
const stylesheets = (chain) => chain.filter((request) => request.label.endsWith('.css')).length;

/** The list's request: the overview is there when it has answered. */
const isListRequest = (request) => /\/kassenzeichen$/.test(request.label.split(' ')[1] ?? '');

/** Signs in on `pageName` and counts the chain from the callback to the overview, then on a reload. */
export async function chainsOf(browser, origin, pageName, signInAtProvider) {
  const page = await browser.newPage();
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${origin}${pageName}`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
  await addLatency(page);
  const requests = recordRequests(page);
  await signInAtProvider(page);
  await manager.locator('.items').waitFor();
  const callback = requests.find((r) => r.label.endsWith('(callback)'));
  const afterCallback = requests.filter((r) => r.start >= callback.start);
  const chain = longestChain(afterCallback);
  const toList = longestChain(afterCallback, isListRequest);
  const reload = recordRequests(page);
  await page.reload();
  await manager.locator('.items').waitFor();
  const reloadChain = longestChain(reload);
  const reloadToList = longestChain(reload, isListRequest);
  await page.close();
  return { chain, reloadChain, toList, reloadToList, preflights: afterCallback.filter((r) => r.preflight).length };
}
