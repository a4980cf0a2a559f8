/*
 * The demo panel's „Was die Seite erfährt“: every event of both elements, as a
 * page script hears them. The demo subscribes only after `await import(…)`, as
 * late as a page script can, so it first writes down the login's `state` –
 * read right after subscribing, the documented way not to miss a sign-in.
 */

const EVENTS = [
  'servicekonto-state-changed',
  'servicekonto-signed-in',
  'servicekonto-signed-out',
  'servicekonto-session-expiring',
  'servicekonto-error',
  'kassenzeichen-changed',
  'kassenzeichen-requested',
  'kassenzeichen-confirmed',
  'kassenzeichen-error',
] as const;

export function startEventLog(log: Element, login: HTMLElementTagNameMap['servicekonto-login']): void {
  const write = (text: string) => {
    const item = document.createElement('li');
    item.textContent = text;
    log.prepend(item);
  };
  for (const type of EVENTS) document.addEventListener(type, (event) => write(`${type} ${JSON.stringify(event.detail)}`));
  write(`login.state: "${login.state}" (gelesen, als dieses Protokoll zu hören begann)`);
}
