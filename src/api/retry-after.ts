/** Used when a 429 carries no readable `Retry-After` (e.g. not exposed through CORS). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date.
 * Returns `undefined` when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
