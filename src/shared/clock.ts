const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** A moment as a clock time in `lang` (e.g. `14:35`), with the date when `withDate`. */
export function formatClock(epochMs: number, lang: string, withDate = false): string {
  return new Intl.DateTimeFormat(lang, withDate ? { ...DATE, ...CLOCK } : CLOCK).format(epochMs);
}
