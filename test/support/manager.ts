import { expect, fixture, html } from '@open-wc/testing';
import '../../src/kassenzeichen-manager/define.js';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import type { MockBackend } from '../../mock/backend.js';
import type { ScenarioName } from '../../mock/scenarios.js';
import { AUTHORITY, CLIENT_ID, resetAuthState, seedSignedInUser, useFakeProvider } from './fake-provider.js';
import { BACKEND_URL, useMockBackend, worker } from './mock-backend.js';
import { createHandlers } from '../../mock/handlers.js';

/** A signed-in citizen's manager against the mock backend in `scenario`. */
export async function signedInManager(
  scenario: ScenarioName,
  options: { signedIn?: boolean; keepStorage?: boolean; subject?: string } = {},
): Promise<{ element: KassenzeichenManager; backend: MockBackend }> {
  if (!options.keepStorage) resetAuthState();
  await useFakeProvider({ refresh: false });
  const providerHandlers = worker.listHandlers();
  const backend = await useMockBackend(scenario);
  worker.resetHandlers(...createHandlers(backend, BACKEND_URL), ...providerHandlers);
  if (options.signedIn !== false) seedSignedInUser({ subject: options.subject });
  const element = await fixture<KassenzeichenManager>(
    html`<kassenzeichen-manager backend-url=${BACKEND_URL} authority=${AUTHORITY} client-id=${CLIENT_ID}></kassenzeichen-manager>`,
  );
  await element.whenSettled();
  return { element, backend };
}

/** The element's focused element inside its shadow root. */
export function focused(element: Element): Element | null {
  return element.shadowRoot!.activeElement;
}

/** The heading of the current step. */
export function stepHeading(element: Element): string {
  return element.shadowRoot!.querySelector("[part~='heading']")?.textContent?.trim() ?? '';
}

/** Types into a labelled input, as a citizen would (input events). */
export function typeInto(element: Element, label: string, value: string): void {
  const root = element.shadowRoot!;
  const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!labelEl) throw new Error(`no field labelled ${label}`);
  const input = root.getElementById(labelEl.htmlFor) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function inputLabelled(element: Element, label: string): HTMLInputElement {
  const root = element.shadowRoot!;
  const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!;
  return root.getElementById(labelEl.htmlFor) as HTMLInputElement;
}

/** Waits for the element's own signal that it is done (no request under way, rendered), then checks the step. */
export async function nextStep(element: KassenzeichenManager, heading: string): Promise<void> {
  await element.whenSettled();
  expect(stepHeading(element), 'the step after the action').to.equal(heading);
}
