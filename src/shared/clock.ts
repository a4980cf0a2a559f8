const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
/** Leichte Sprache writes the month as a word and the day without a leading zero: „4. Dezember 2026“. */
const DATE_LS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

function dateOptions(lang: string): Intl.DateTimeFormatOptions {
  return lang.toLowerCase() === 'de-x-ls' ? DATE_LS : DATE;
}

/** A moment as a clock time in `lang` (e.g. `14:35`), with the date when `withDate` (in de-x-ls: `4. Dezember 2026 um 14:35`). */
export function formatClock(epochMs: number, lang: string, withDate = false): string {
  return new Intl.DateTimeFormat(lang, withDate ? { ...dateOptions(lang), ...CLOCK } : CLOCK).format(epochMs);
}

/** A day in `lang`: `04.12.2026` in German, `4. Dezember 2026` in Leichte Sprache. */
export function formatDay(epochMs: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, dateOptions(lang)).format(epochMs);
}
