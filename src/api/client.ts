import { API_ACCEPT, takeEarlyAnswer } from './early-gets.js';
import { ApiError, kindForStatus } from './errors.js';
import { isAccount, isConfirmationResult, isItem, isItemList, readProblem } from './guards.js';
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from './retry-after.js';
import type { Account, ConfirmationResult, Item, LinkRequest, Overview } from './types.js';

/**
 * How the client authorises its requests, given by whoever owns the session:
 * a bearer token in browser mode, a cookie and an anti-forgery header with a
 * backend-for-frontend.
 */
export interface RequestAuthorization {
  /** Headers that authorise a request; `null` when nobody is signed in (the call fails as `unauthorized`). */
  headers(): Promise<Record<string, string> | null>;
  /** Called at most once per request after a 401: renew the session; `false` when that is impossible. */
  renew?(): Promise<boolean>;
  /** `include` to send the site's cookie (BFF); bearer tokens need none. */
  credentials?: RequestCredentials;
}

/** Authorisation with an OAuth access token (browser mode). */
export function bearer(getAccessToken: () => Promise<string | null>, renew?: () => Promise<string | null>): RequestAuthorization {
  return {
    headers: async () => {
      const token = await getAccessToken();
      return token ? { Authorization: `Bearer ${token}` } : null;
    },
    renew: renew ? async () => !!(await renew()) : undefined,
  };
}

export interface ApiClientOptions {
  /** The element's `backend-url`; paths of the contract are appended to it. */
  baseUrl: string;
  authorization: RequestAuthorization;
  /** Client-side timeout per attempt. */
  timeoutMs?: number;
  /** Waits before the retries of a GET after a network error (POSTs are never retried here). */
  getRetryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
}

/** The backend contract (`openapi.yaml`) as typed calls. Every failure is an {@link ApiError}. */
export interface KassenzeichenApi {
  /** The account, then (once consent is given) the list: what the overview needs. */
  loadOverview(signal?: AbortSignal): Promise<Overview>;
  getAccount(signal?: AbortSignal): Promise<Account>;
  giveConsent(signal?: AbortSignal): Promise<void>;
  listKassenzeichen(signal?: AbortSignal): Promise<Item[]>;
  requestKassenzeichen(request: LinkRequest, idempotencyKey: string, signal?: AbortSignal): Promise<Item>;
  /** `idempotencyKey`: the same for retries of the same code, so that a repeat gets the first answer. */
  confirm(id: string, code: string, idempotencyKey: string, signal?: AbortSignal): Promise<ConfirmationResult>;
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
  const api: KassenzeichenApi = {
    async loadOverview(signal) {
      // Both at once: one round trip to the overview. Without consent the backend refuses the list (403) and processes nothing.
      const [account, list] = await Promise.all([api.getAccount(signal), api.listKassenzeichen(signal).catch((error: unknown) => error)]);
      if (account.consentRequired) return { consentRequired: true, items: [] };
      if (list instanceof ApiError || !Array.isArray(list)) throw list;
      return { consentRequired: false, items: list };
    },
    getAccount: (signal) => client.call({ method: 'GET', path: '/account', signal, accept: isAccount }),
    giveConsent: (signal) => client.call({ method: 'PUT', path: '/account/consent', signal }),
    listKassenzeichen: async (signal) => (await client.call({ method: 'GET', path: '/kassenzeichen', signal, accept: isItemList })).items,
    requestKassenzeichen: (request, idempotencyKey, signal) =>
      client.call({ method: 'POST', path: '/kassenzeichen', body: request, idempotencyKey, signal, accept: isItem }),
    confirm: (id, code, idempotencyKey, signal) =>
      client.call({
        method: 'POST',
        path: `${item(id)}/confirmation`,
        body: { code },
        idempotencyKey,
        signal,
        accept: isConfirmationResult,
      }),
    requestNewLetter: (id, idempotencyKey, signal) =>
      client.call({ method: 'POST', path: `${item(id)}/letter`, idempotencyKey, signal, accept: isItem }),
    remove: (id, signal) => client.call({ method: 'DELETE', path: item(id), signal }),
  };
  return api;
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
    const { authorization } = this.options;
    let auth = await authorization.headers();
    if (!auth) throw new ApiError('unauthorized');
    let response = await this.sendWithRetries(call, auth);
    if (response.status === 401 && authorization.renew) {
      auth = (await authorization.renew()) ? await authorization.headers() : null;
      if (!auth) throw new ApiError('unauthorized', { status: 401 });
      // Same call, same Idempotency-Key: a retried POST never posts a second letter or confirms twice.
      response = await this.sendWithRetries(call, auth);
    }
    if (!response.ok) throw await errorFromResponse(response, call.signal);
    return readBody(response, call);
  }

  private async sendWithRetries<T>(call: Call<T>, auth: Record<string, string>): Promise<Response> {
    const delays = call.method === 'GET' ? this.retryDelays : [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(call, auth);
      } catch (error) {
        const retryable = error instanceof ApiError && error.kind === 'network';
        if (!retryable || attempt >= delays.length) throw error;
        await wait(delays[attempt], call.signal);
      }
    }
  }

  private async send<T>(call: Call<T>, auth: Record<string, string>): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signals = call.signal ? [call.signal, timeout.signal] : [timeout.signal];
    try {
      const url = this.baseUrl + call.path;
      const early = call.method === 'GET' ? takeEarlyAnswer(url, auth.Authorization) : undefined;
      if (early) return await untilAborted(early, AbortSignal.any(signals));
      return await this.fetchImpl(url, {
        method: call.method,
        headers: buildHeaders(call, auth),
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.any(signals),
        // No `cache: 'no-store'`: it would switch off the browser's CORS preflight cache. The backend sends `Cache-Control: no-store`.
        credentials: this.options.authorization.credentials ?? 'omit',
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

/** `answer`, or its rejection when `signal` aborts first (the client's timeout, the caller's abort). */
function untilAborted(answer: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    answer.then(resolve, reject);
  });
}

function buildHeaders(call: Call<unknown>, auth: Record<string, string>): Headers {
  const headers = new Headers({ ...auth, Accept: API_ACCEPT });
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
    detail: problem.detail,
    detailLanguage: contentLanguage(response.headers.get('Content-Language')),
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

/** One language tag (`de`, `en-GB`); a list or anything else is no marking. */
function contentLanguage(header: string | null): string | undefined {
  const tag = header?.trim();
  return tag && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag) ? tag : undefined;
}
