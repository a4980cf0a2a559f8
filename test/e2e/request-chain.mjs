/*
 * How many requests the citizen waits for one after another, counted from
 * Chromium's own network events (DevTools protocol), CORS preflights included.
 * Shared by the tests and the bench.
 *
 * Playwright's request events do not show preflights, and its `page.route`
 * answers them itself (at once, without asking the server): neither is used here.
 */

/**
 * Every request is held back this long before it goes out, preflights too, as
 * over a real network: on loopback answers are so fast that two requests made
 * at the same time could look as if one waited for the other. (Chromium's
 * emulated latency, Network.emulateNetworkConditions, leaves preflights out.)
 */
const LATENCY_MS = 100;

/**
 * Records the page's requests from Chromium's network events, each hop of a
 * redirect as a request of its own; times in ms of Chromium's monotonic clock.
 * `take()` hands over what was recorded so far and starts a new record.
 */
export async function traceRequests(page, latencyMs = LATENCY_MS) {
  const cdp = await page.context().newCDPSession(page);
  let requests = [];
  const current = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    const redirected = current.get(event.requestId);
    if (redirected && event.redirectResponse) redirected.end = event.timestamp * 1000;
    const request = requestOf(event);
    current.set(event.requestId, request);
    requests.push(request);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = current.get(event.requestId);
    if (request) request.end = event.timestamp * 1000;
  });
  cdp.on('Fetch.requestPaused', ({ requestId }) => {
    setTimeout(() => cdp.send('Fetch.continueRequest', { requestId }).catch(() => undefined), latencyMs);
  });
  await cdp.send('Network.enable');
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  return {
    take: () => {
      const taken = requests;
      requests = [];
      return taken.filter((request) => request.path !== '/favicon.ico');
    },
    /** Forgets the HTTP cache and with it the CORS preflight cache, as when a preflight's max-age is over. */
    clearCache: () => cdp.send('Network.clearBrowserCache'),
    stop: () => cdp.detach(),
  };
}

/** A preflight carries the id of the request it clears the way for. */
function requestOf({ requestId, request, initiator, timestamp }) {
  const url = new URL(request.url);
  const preflightFor = initiator.type === 'preflight' ? initiator.requestId : undefined;
  const note = preflightFor ? ' (preflight)' : url.search.includes('code=') ? ' (callback)' : '';
  return {
    id: requestId,
    preflightFor,
    path: url.pathname,
    label: `${request.method} ${url.pathname}${note}`,
    start: timestamp * 1000,
    end: undefined,
  };
}

/**
 * The longest chain of requests where each starts only after the one before
 * has ended, or goes out only after its preflight; with `endsWith`, the
 * longest of those that end in a request it accepts.
 */
export function longestChain(requests, endsWith = () => true) {
  const finished = requests.filter((request) => request.end !== undefined);
  const preflightOf = (request) => finished.findLast((other) => other.preflightFor === request.id && other.start >= request.start);
  const chains = new Map();
  const chainTo = (request) => {
    if (!chains.has(request)) {
      const before = finished.filter((other) => other.end <= request.start || other === preflightOf(request));
      chains.set(request, [...(before.map(chainTo).sort(longerFirst)[0] ?? []), request]);
    }
    return chains.get(request);
  };
  const ending = finished.filter(endsWith).map(chainTo);
  return ending.sort(longerFirst)[0]?.map((request) => request.label) ?? [];
}

/**
 * Longer chains first; of equally long ones, the one whose last request ended
 * later: of the requests a request could have waited for, the last to end is
 * the one that held it up.
 */
const longerFirst = (a, b) => b.length - a.length || b.at(-1).end - a.at(-1).end;

/** The list's request: the overview is there when it has answered. */
const isListRequest = (request) => !request.preflightFor && /\/kassenzeichen$/.test(request.path);

/**
 * Signs in on `pageName` at `origin` (the page's origin) and counts the chain
 * from the callback to the overview, then on a reload, then on a reload once
 * the browser's preflight cache has expired (`later…`: a visit after the
 * preflight's max-age, still signed in).
 */
export async function chainsOf(browser, origin, pageName, signInAtProvider) {
  const page = await browser.newPage();
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${origin}${pageName}`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
  const trace = await traceRequests(page);
  await signInAtProvider(page);
  await manager.locator('.items').waitFor();
  const signIn = trace.take();
  const callback = signIn.find((request) => request.label.endsWith('(callback)'));
  const afterCallback = signIn.filter((request) => request.start >= callback.start);
  const reloaded = async () => {
    await page.reload();
    await manager.locator('.items').waitFor();
    return trace.take();
  };
  const reload = await reloaded();
  await trace.clearCache();
  const later = await reloaded();
  await trace.stop();
  await page.close();
  // Counted once all is done: a request's end may be reported after the overview is shown.
  return {
    chain: longestChain(afterCallback),
    toList: longestChain(afterCallback, isListRequest),
    reloadChain: longestChain(reload),
    reloadToList: longestChain(reload, isListRequest),
    laterToList: longestChain(later, isListRequest),
    preflights: afterCallback.filter((request) => request.preflightFor).length,
  };
}
