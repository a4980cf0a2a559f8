import type { FieldError } from './types.js';

/** Every way a backend call can fail, as a stable code for the UI and for events. */
export type ApiErrorKind =
  | 'validation'
  | 'conflict'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unexpected-response'
  | 'aborted';

interface ApiErrorDetails {
  status?: number;
  fieldErrors?: FieldError[];
  remainingAttempts?: number;
  retryAfterSeconds?: number;
  /** The problem's `detail`: shown to the citizen only after the widget's own sentence, never logged. */
  detail?: string;
  /** The language the backend wrote `detail` (and field details) in, from `Content-Language`. */
  detailLanguage?: string;
}

/**
 * The only error the API client throws. `kind` says what went wrong; the
 * message never contains the response body (it may be HTML or personal data).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly fieldErrors: FieldError[];
  readonly remainingAttempts?: number;
  /** With `rate-limited` (and a 503 `server` error): how long to wait. */
  readonly retryAfterSeconds?: number;
  readonly detail?: string;
  readonly detailLanguage?: string;

  constructor(kind: ApiErrorKind, details: ApiErrorDetails = {}) {
    super(details.status ? `${kind} (HTTP ${details.status})` : kind);
    this.kind = kind;
    this.status = details.status;
    this.fieldErrors = details.fieldErrors ?? [];
    this.remainingAttempts = details.remainingAttempts;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.detail = details.detail;
    this.detailLanguage = details.detailLanguage;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  422: 'validation',
  429: 'rate-limited',
};

/** The error kind for a non-2xx status; unknown 4xx and all 5xx count as `server`. */
export function kindForStatus(status: number): ApiErrorKind {
  return KIND_BY_STATUS[status] ?? 'server';
}
