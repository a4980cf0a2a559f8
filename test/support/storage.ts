/**
 * Runs `run` while every web-storage write throws as the browser does when
 * site data is blocked (`SecurityError`) or the storage is full
 * (`QuotaExceededError`); writes work again afterwards, also after a failure.
 */
export async function whileStorageRefuses(kind: 'SecurityError' | 'QuotaExceededError', run: () => unknown): Promise<void> {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = () => {
    throw new DOMException(kind === 'SecurityError' ? 'The operation is insecure.' : 'The quota has been exceeded.', kind);
  };
  try {
    await run();
  } finally {
    Storage.prototype.setItem = original;
  }
}
