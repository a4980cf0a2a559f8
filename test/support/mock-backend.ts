import { setupWorker } from 'msw/browser';
import { MockBackend } from '../../mock/backend.js';
import { createHandlers } from '../../mock/handlers.js';
import type { ScenarioName } from '../../mock/scenarios.js';

/** Where the tests' backend lives: on the test page's own origin. */
export const BACKEND_URL = `${location.origin}/api`;

export const worker = setupWorker();
let started: Promise<unknown> | undefined;

/**
 * Starts msw once per test page. A request to the test backend or identity
 * provider that no handler answers is an error; the page's own modules pass.
 */
export async function startWorker(): Promise<void> {
  started ??= worker.start({
    quiet: true,
    onUnhandledRequest: (request, print) => {
      if (request.url.startsWith(BACKEND_URL) || request.url.startsWith(`${location.origin}/idp`)) print.error();
    },
  });
  await started;
}

/**
 * A fresh mock backend for one test, behind msw. Requests to the backend URL
 * that no handler answers fail the test (`onUnhandledRequest`: `print.error()`).
 */
export async function useMockBackend(scenario: ScenarioName = 'first-visit'): Promise<MockBackend> {
  const backend = new MockBackend(scenario, { newCode: sequentialCodes() });
  backend.responseDelayMs = 0;
  worker.resetHandlers(...createHandlers(backend, BACKEND_URL));
  await startWorker();
  return backend;
}

function sequentialCodes(): () => string {
  let n = 0;
  return () => `CODE-${String(++n).padStart(4, '0')}`;
}
