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

/** Waits for the element's own signal that the session is checked and nothing runs any more. */
export async function settled(element: Element & { whenSettled(): Promise<void> }): Promise<void> {
  await element.whenSettled();
}

/** A button that cannot act now (busy, offline, locked): `aria-disabled`, so that it keeps focus. */
export function unavailable(button: HTMLButtonElement): boolean {
  return button.getAttribute('aria-disabled') === 'true' || button.disabled;
}

/** `aria-invalid` of each radio button in the element, in order: set explicitly, so that none is announced „ungültig“ before a choice. */
export function radioInvalidStates(element: Element): (string | null)[] {
  return [...(element.shadowRoot?.querySelectorAll('input[type="radio"]') ?? [])].map((radio) => radio.getAttribute('aria-invalid'));
}

const LIVE = '[role="alert"], [role="status"], [role="log"], [aria-live]';

/** The live regions that would announce `node` on their own: around it (up to its shadow root) or inside it. A focused box must have none, or it is read twice. */
export function liveRegionsAt(node: Element): string[] {
  const around = [node.closest(LIVE)];
  const inside = [...node.querySelectorAll(LIVE)];
  return [...around, ...inside].filter((found): found is Element => !!found).map((found) => found.outerHTML.slice(0, 80));
}

/** The text of the element's status line (`role="status"`), whitespace collapsed. */
export function statusLine(element: Element): string {
  return (element.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
