/*
 * On a first visit the backend answers the list with 403 until the citizen
 * has consented, as the contract says – and the browser's console shows it in
 * red. The demo panel explains it once the page has seen that answer. The
 * resource timing entries carry the status (also for answers of msw's service
 * worker); `buffered` brings the request the script sent before this ran.
 */

const LIST = /\/api\/kassenzeichen$/;

export function explainConsentRefusal(note: HTMLElement, request: HTMLElement): void {
  new PerformanceObserver((entries, observer) => {
    const refused = entries
      .getEntriesByType('resource')
      .find(
        (entry): entry is PerformanceResourceTiming =>
          entry instanceof PerformanceResourceTiming && entry.responseStatus === 403 && LIST.test(new URL(entry.name).pathname),
      );
    if (!refused) return;
    request.textContent = `GET ${new URL(refused.name).pathname}`;
    note.hidden = false;
    observer.disconnect();
  }).observe({ type: 'resource', buffered: true });
}
