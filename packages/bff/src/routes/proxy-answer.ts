/**
 * The backend's answer as the page may see it, read without holding more
 * than the limit: JSON or problem+json (or nothing) below 500 is passed on;
 * a 5xx keeps its status but never its body (an HTML page, a stack trace);
 * a redirect, another type or a larger answer is refused. What is not passed
 * on is not read: its connection is closed.
 */
export type BackendAnswer =
  | { kind: 'passed'; status: number; body: Buffer; headers: Record<string, string> }
  | { kind: 'server-error'; status: number; retryAfter?: string }
  | { kind: 'too-large'; status: number }
  | { kind: 'refused'; status: number; reason: 'redirect' | 'not-json' | 'unreadable' };

export const PASSED_BACK = ['content-type', 'retry-after', 'content-language'] as const;
export const JSON_TYPES = /^application\/(problem\+)?json\s*(;|$)/i;

export async function readAnswer(answer: Response, limit: number): Promise<BackendAnswer> {
  const { status } = answer;
  if (status >= 500) {
    await drop(answer);
    return { kind: 'server-error', status, retryAfter: answer.headers.get('retry-after') ?? undefined };
  }
  if (status >= 300 && status < 400) {
    await drop(answer);
    return { kind: 'refused', status, reason: 'redirect' };
  }
  // Any other type only without a body (204).
  const json = JSON_TYPES.test(answer.headers.get('content-type') ?? '');
  const body = await readLimited(answer, json ? limit : 0);
  if (body === undefined) return json ? { kind: 'too-large', status } : { kind: 'refused', status, reason: 'not-json' };
  return { kind: 'passed', status, body, headers: passedHeaders(answer) };
}

/**
 * The body, chunk by chunk, up to `limit` bytes; `undefined` as soon as it
 * declares or brings more – the rest is never read (leaving the loop cancels
 * the stream, and with it the connection).
 */
async function readLimited(answer: Response, limit: number): Promise<Buffer | undefined> {
  if (Number(answer.headers.get('content-length') ?? 0) > limit) {
    await drop(answer);
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of answer.body ?? []) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function passedHeaders(answer: Response): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_BACK) {
    const value = answer.headers.get(name);
    if (value) passed[name] = value;
  }
  return passed;
}

/** Nothing more of this answer is wanted: its stream is cancelled. One that failed already has nothing left to cancel. */
function drop(answer: Response): Promise<void> {
  return answer.body?.cancel().catch(() => undefined) ?? Promise.resolve();
}
