import { de } from './de.js';
import type { Messages } from './messages.js';

// German ships in every build; further languages register themselves when
// their module is imported (e.g. `buergerportal-widgets/i18n/en`), so the
// single file stays small. Kept on the window so two copies share it.
const CATALOGS = Symbol.for('buergerportal-widgets.catalogs');

function catalogs(): Map<string, Messages> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Messages> | undefined>;
  return (holder[CATALOGS] ??= new Map([['de', de]]));
}

/** Adds a language: the catalog must be complete (the type checker sees to it). */
export function registerMessages(language: string, messages: Messages): void {
  catalogs().set(language.toLowerCase(), messages);
}

/** The catalog for a BCP 47 tag such as `de-DE` or `en`; German when the language is not registered. */
export function messagesFor(lang: string | null | undefined): Messages {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  return catalogs().get(primary) ?? de;
}

/** The language that applies to an element: its own or closest `lang`, then the document's, then German. */
export function languageOf(element: Element): string {
  const host = element.closest('[lang]')?.getAttribute('lang');
  return host || element.ownerDocument.documentElement.lang || 'de';
}

export type { Messages };
