const PROBE = '__buergerportal_probe__';

const storageOf = (kind: 'local' | 'session'): Storage => (kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage);

/** Writes and removes a probe: what went wrong, or `undefined` when the storage works. */
function probe(kind: 'local' | 'session'): { error: unknown } | undefined {
  try {
    const storage = storageOf(kind);
    storage.setItem(PROBE, PROBE);
    storage.removeItem(PROBE);
    return undefined;
  } catch (error) {
    return { error };
  }
}

/**
 * Web storage that may be blocked (site data off, Safari's "operation is
 * insecure") or full. Returns `undefined` where the storage cannot be used.
 */
export function usableStorage(kind: 'local' | 'session'): Storage | undefined {
  return probe(kind) ? undefined : storageOf(kind);
}

/** Whether web storage fails because it is full (QuotaExceededError), not blocked: the citizen can free it. */
export function storageIsFull(): boolean {
  return (['local', 'session'] as const).every((kind) => {
    const failed = probe(kind);
    return failed?.error instanceof DOMException && failed.error.name === 'QuotaExceededError';
  });
}
