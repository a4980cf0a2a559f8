import { ApiError, kindForStatus } from './errors.js';
import { isAccount, isConfirmationResult, isItem, isItemList, readProblem } from './guards.js';
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from './retry-after.js';
import type { Account, ConfirmationResult, Item, LinkRequest } from './types.js';

export interface ApiClientOptions {
  /** The element's `backend-url`; paths of the contract are appended to it. */
  baseUrl: string;
  /** A valid access token (renewed ahead of expiry by the session), or `null` when signed out. */
  getAccessToken: () => Promise<string | null>;
  /** Called at most once per request after a 401: renew the session, return the new token or `null`. */
  renewAccessToken?: () => Promise<string | null>;
  /** Client-side timeout per attempt. */
  timeoutMs?: number;
  /** Waits before the retries of a GET after a network error (POSTs are never retried here). */
  getRetryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
}

/** The backend contract (`openapi.yaml`) as typed calls. Every failure is an {@link ApiError}. */
export interface KassenzeichenApi {
  getAccount(signal?: AbortSignal): Promise<Account>;
  giveConsent(signal?: AbortSignal): Promise<void>;
  listKassenzeichen(signal?: AbortSignal): Promise<Item[]>;
  requestKassenzeichen(request: LinkRequest, idempotencyKey: string, signal?: AbortSignal): Promise<Item>;
  confirm(id: string, code: string, signal?: AbortSignal): Promise<ConfirmationResult>;
  requestNewLetter(id: string, idempotencyKey: string, signal?: AbortSignal): Promise<Item>;
  remove(id: string, signal?: AbortSignal): Promise<void>;
}

interface Call<T> {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Checks the shape of a 2xx body; omitted for answers without a body. */
  accept?: (value: unknown) => value is T;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_GET_RETRY_DELAYS_MS = [400, 1200] as const;

export function createApiClient(options: ApiClientOptions): KassenzeichenApi {
  const client = new ApiClient(options);
  const item = (id: string) => `/kassenzeichen/${encodeURIComponent(id)}`;
  return {
    getAccount: (signal) => client.call({ method: 'GET', path: '/account', signal, accept: isAccount }),
    giveConsent: (signal) => client.call({ method: 'PUT', path: '/account/consent', signal }),
    listKassenzeichen: async (signal) =>
      (await client.call({ method: 'GET', path: '/kassenzeichen', signal, accept: isItemList })).items,
    requestKassenzeichen: (request, idempotencyKey, signal) =>
      client.call({ method: 'POST', path: '/kassenzeichen', body: request, idempotencyKey, signal, accept: isItem }),
    confirm: (id, code, signal) =>
      client.call({
        method: 'POST',
        path: `${item(id)}/confirmation`,
        body: { code },
        signal,
        accept: isConfirmationResult,
      }),
    requestNewLetter: (id, idempotencyKey, signal) =>
      client.call({ method: 'POST', path: `${item(id)}/letter`, idempotencyKey, signal, accept: isItem }),
    remove: (id, signal) => client.call({ method: 'DELETE', path: item(id), signal }),
  };
}

class ApiClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retryDelays: readonly number[];
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryDelays = options.getRetryDelaysMs ?? DEFAULT_GET_RETRY_DELAYS_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async call<T>(call: Call<T>): Promise<T> {
    let token = await this.options.getAccessToken();
    if (!token) throw new ApiError('unauthorized');
    let response = await this.sendWithRetries(call, token);
    if (response.status === 401 && this.options.renewAccessToken) {
      token = await this.options.renewAccessToken();
      if (!token) throw new ApiError('unauthorized', { status: 401 });
      // Same call, same Idempotency-Key: a retried POST never posts a second letter.
      response = await this.sendWithRetries(call, token);
    }
    if (!response.ok) throw await errorFromResponse(response, call.signal);
    return readBody(response, call);
  }

  private async sendWithRetries<T>(call: Call<T>, token: string): Promise<Response> {
    const delays = call.method === 'GET' ? this.retryDelays : [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(call, token);
      } catch (error) {
        const retryable = error instanceof ApiError && error.kind === 'network';
        if (!retryable || attempt >= delays.length) throw error;
        await wait(delays[attempt], call.signal);
      }
    }
  }

  private async send<T>(call: Call<T>, token: string): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signals = call.signal ? [call.signal, timeout.signal] : [timeout.signal];
    try {
      return await this.fetchImpl(this.baseUrl + call.path, {
        method: call.method,
        headers: buildHeaders(call, token),
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.any(signals),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      if (call.signal?.aborted) throw new ApiError('aborted');
      if (timeout.signal.aborted) throw new ApiError('timeout');
      throw new ApiError('network');
    } finally {
      clearTimeout(timer);
    }
  }
}

function buildHeaders(call: Call<unknown>, token: string): Headers {
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    Authorization: `Bearer ${token}`,
  });
  if (call.body !== undefined) headers.set('Content-Type', 'application/json');
  if (call.idempotencyKey) headers.set('Idempotency-Key', call.idempotencyKey);
  return headers;
}

async function readBody<T>(response: Response, call: Call<T>): Promise<T> {
  if (!call.accept) return undefined as T;
  const body = await readJson(response, call.signal);
  if (body === undefined || !call.accept(body)) throw new ApiError('unexpected-response', { status: response.status });
  return body;
}

async function errorFromResponse(response: Response, signal?: AbortSignal): Promise<ApiError> {
  const kind = kindForStatus(response.status);
  const isJson = /\bjson\b/i.test(response.headers.get('Content-Type') ?? '');
  // An HTML error page (a proxy's 500) is never parsed, let alone shown.
  const problem = readProblem(isJson ? await readJson(response, signal).catch(() => undefined) : undefined);
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  return new ApiError(kind, {
    status: response.status,
    fieldErrors: problem.errors,
    remainingAttempts: problem.remainingAttempts,
    retryAfterSeconds: kind === 'rate-limited' ? (retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) : retryAfter,
  });
}

/** The parsed body, or `undefined` when it is not JSON. Network failures while reading become ApiErrors. */
async function readJson(response: Response, signal?: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(signal?.aborted ? 'aborted' : 'network', { status: response.status });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ApiError('aborted'));
      },
      { once: true },
    );
  });
}
