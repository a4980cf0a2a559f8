export { bearer, createApiClient } from './client.js';
export type { ApiClientOptions, KassenzeichenApi, RequestAuthorization } from './client.js';
export { ApiError, isApiError } from './errors.js';
export type { ApiErrorKind } from './errors.js';
export { newIdempotencyKey } from './idempotency.js';
export type * from './types.js';
