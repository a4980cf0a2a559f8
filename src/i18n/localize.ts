import { de } from './de.js';
import { en } from './en.js';
import type { Language, Messages } from './messages.js';

const CATALOGS: Record<Language, Messages> = { de, en };

/** The catalog for a BCP 47 tag such as `de-DE` or `en`; German when the language is not offered. */
export function messagesFor(lang: string | null | undefined): Messages {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  return primary in CATALOGS ? CATALOGS[primary as Language] : de;
}

/** The language that applies to an element: its own or closest `lang`, then the document's, then German. */
export function languageOf(element: Element): string {
  const host = element.closest('[lang]')?.getAttribute('lang');
  return host || element.ownerDocument.documentElement.lang || 'de';
}

export type { Messages };
