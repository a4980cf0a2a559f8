import { waitUntil } from '@open-wc/testing';

/** The visible text of an element's shadow root, whitespace collapsed. */
export function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

function accessibleName(node: Element): string {
  const label = node.getAttribute('aria-label');
  return (label ?? node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button whose accessible name is exactly `name`. */
export function buttonNamed(element: Element, name: string): HTMLButtonElement | undefined {
  const buttons = [...(element.shadowRoot?.querySelectorAll('button') ?? [])];
  return buttons.find((button) => accessibleName(button) === name);
}

export function linkNamed(element: Element, name: string): HTMLAnchorElement | undefined {
  const links = [...(element.shadowRoot?.querySelectorAll('a') ?? [])];
  return links.find((link) => accessibleName(link) === name);
}

/** Waits until the element left its "checking" state. */
export async function settled(element: Element & { updateComplete: Promise<boolean> }): Promise<void> {
  await waitUntil(() => !textOf(element).includes('wird geprüft') && !textOf(element).includes('Checking'), 'element did not settle', {
    timeout: 5000,
  });
  await element.updateComplete;
}

/** A button that cannot act now (busy, offline, locked): `aria-disabled`, so that it keeps focus. */
export function unavailable(button: HTMLButtonElement): boolean {
  return button.getAttribute('aria-disabled') === 'true' || button.disabled;
}
