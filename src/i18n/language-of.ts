/*
 * Which language applies to an element, without the catalogs (localize.ts):
 * the first view (first-view/paint.ts) paints only where German serves.
 */

/** Languages whose catalog the script loads by itself from its folder (localize.ts). */
export const LOADABLE_LANGUAGES = ['en', 'de-x-ls'] as const;

/** `de-x-ls` → `de-x-ls`, `de`: the tag, then ever shorter prefixes (RFC 4647 lookup; a singleton such as `x` is dropped with what follows it). */
export function fallbackChain(tag: string): string[] {
  const parts = tag.toLowerCase().split('-').filter(Boolean);
  const chain: string[] = [];
  for (let length = parts.length; length > 0; length--) {
    if (parts[length - 1].length === 1) continue;
    chain.push(parts.slice(0, length).join('-'));
  }
  return chain.length > 0 ? chain : ['de'];
}

/** The language that applies to an element: its own `lang` (property or attribute), the closest ancestor's, the document's, then German. */
export function languageOf(element: Element): string {
  const own = (element as HTMLElement).lang;
  if (own) return own;
  const host = element.closest('[lang]')?.getAttribute('lang');
  return host || element.ownerDocument.documentElement.lang || 'de';
}

/** Whether an element shows German for good: no catalog of another language is on its way (setTexts aside). */
export function germanServes(element: Element): boolean {
  for (const tag of fallbackChain(languageOf(element) || 'de')) {
    if (tag === 'de') return true;
    if ((LOADABLE_LANGUAGES as readonly string[]).includes(tag)) return false;
  }
  return true;
}
