/*
 * GETs the first file sends before the API client is there (it comes in the
 * session's file): in BFF mode with the signed-in hint, the overview goes out
 * beside the session's file instead of after it. The API client takes such an
 * answer as the answer to its own first request for the same address – once.
 */

const sent = new Map<string, Promise<Response>>();

const absolute = (url: string): string => new URL(url, location.href).href;

/** Sends a GET now; its answer waits for {@link takeEarlyAnswer}. */
export function sendEarly(url: string, init: RequestInit): void {
  const answer = fetch(url, init);
  answer.catch(() => undefined); // read, and its failure told apart, by the API client
  sent.set(absolute(url), answer);
}

/** The answer to a GET of `url` sent early, once; `undefined` when none was sent. */
export function takeEarlyAnswer(url: string): Promise<Response> | undefined {
  const key = absolute(url);
  const answer = sent.get(key);
  sent.delete(key);
  return answer;
}
