/*
 * GETs the first file sends before the API client is there (it comes in the
 * session's file): in BFF mode with the signed-in hint, the overview goes out
 * beside the session's file instead of after it. The API client takes such an
 * answer as the answer to its own first request for the same address – once.
 */

/** What the API client accepts (api/client.ts): an early GET asks as the client would. */
export const API_ACCEPT = 'application/json, application/problem+json';
/** The overview's two GETs, asked for together (the client's `loadOverview`). */
const OVERVIEW_PATHS = ['/account', '/kassenzeichen'];

/** An answer not taken by then is not taken at all: the page has moved on. */
const KEPT_MS = 30_000;

const sent = new Map<string, { answer: Promise<Response>; at: number }>();

/** One request: its address and the credential it carried (a bearer token; none when the cookie goes along). */
const keyOf = (url: string, authorization: string): string => `${new URL(url, location.href).href} ${authorization}`;

/** Sends a GET now; its answer waits for {@link takeEarlyAnswer} with the same address and `Authorization`. */
export function sendEarly(url: string, init: RequestInit): void {
  const answer = fetch(url, init);
  answer.catch(() => undefined); // read, and its failure told apart, by the API client
  sent.set(keyOf(url, new Headers(init.headers).get('Authorization') ?? ''), { answer, at: Date.now() });
}

/** The answer to a GET of `url` with this `Authorization` sent early, once, within {@link KEPT_MS}; else `undefined`. */
export function takeEarlyAnswer(url: string, authorization = ''): Promise<Response> | undefined {
  const key = keyOf(url, authorization);
  const early = sent.get(key);
  sent.delete(key);
  return early && Date.now() - early.at <= KEPT_MS ? early.answer : undefined;
}

/** Sends the overview's two GETs to the API at `base` now, with `headers` (the credential) and `credentials`, as the client would. */
export function sendOverviewEarly(base: string, headers: Record<string, string>, credentials?: RequestCredentials): void {
  const init: RequestInit = { headers: { ...headers, Accept: API_ACCEPT }, ...(credentials && { credentials }) };
  for (const path of OVERVIEW_PATHS) sendEarly(`${base}${path}`, init);
}
