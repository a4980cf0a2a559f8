/*
 * Reading and writing a Kassenzeichen. Pure: no DOM, no Lit.
 * Policy for digits: full-width digits are normalised (NFKC) to 0–9, digits
 * of other scripts are rejected, letters are never silently corrected.
 */

export const DEFAULT_KASSENZEICHEN_FORMAT = '####.####.####';
/** Longer input is refused at once, without scanning it further. */
export const MAX_INPUT_LENGTH = 100;

export type KassenzeichenProblem =
  | { kind: 'empty' }
  | { kind: 'too-long' }
  | { kind: 'letter-for-digit'; letter: string }
  | { kind: 'invalid-characters' }
  | { kind: 'foreign-digits' }
  | { kind: 'digit-count'; expected: number; given: number };

export type KassenzeichenResult = { ok: true; value: string } | { ok: false; problem: KassenzeichenProblem };

const SEPARATORS = /[\s.\-/_\u00a0\u202f\u2007]/g;
/** Letters that look like 0 or 1, when they are the only non-digits. */
const LOOKALIKES = /^[OoIl]+$/;

/** How many digits the format (`#` for a digit) expects. */
export function digitCount(format: string): number {
  return [...format].filter((char) => char === '#').length;
}

/** Whether an editor's `kassenzeichen-format` is usable: at least one `#`, nothing but `#` and separators. */
export function isValidFormat(format: string): boolean {
  return digitCount(format) > 0 && /^[#.\- /]+$/.test(format);
}

/** Writes digits into the format: `150000000001` → `1500.0000.0001`. */
export function formatDigits(digits: string, format: string): string {
  let index = 0;
  let result = '';
  for (const char of format) {
    if (char !== '#') result += char;
    else if (index < digits.length) result += digits[index++];
  }
  return result;
}

/** Reads what a citizen typed or pasted, with or without separators. */
export function parseKassenzeichen(input: string, format: string = DEFAULT_KASSENZEICHEN_FORMAT): KassenzeichenResult {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, problem: { kind: 'too-long' } };
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return { ok: false, problem: { kind: 'empty' } };
  if (/\p{Nd}/u.test(compact.replace(/[0-9]/g, ''))) return { ok: false, problem: { kind: 'foreign-digits' } };
  if (!/^[0-9]+$/.test(compact)) {
    const nonDigits = compact.replace(/[0-9]/g, '');
    if (LOOKALIKES.test(nonDigits)) return { ok: false, problem: { kind: 'letter-for-digit', letter: nonDigits[0] } };
    return { ok: false, problem: { kind: 'invalid-characters' } };
  }
  const expected = digitCount(format);
  if (compact.length !== expected) return { ok: false, problem: { kind: 'digit-count', expected, given: compact.length } };
  return { ok: true, value: formatDigits(compact, format) };
}

/** The canonical display of what was typed, or the input unchanged when it is not (yet) valid. */
export function displayKassenzeichen(input: string, format: string = DEFAULT_KASSENZEICHEN_FORMAT): string {
  const result = parseKassenzeichen(input, format);
  return result.ok ? result.value : input;
}

/**
 * The confirmation code as the contract says it is sent: spaces and hyphens
 * (also the typographic ones a phone may insert) removed, upper case – the
 * letter prints „6SMV-JXDD“, the citizen may type „6smv jxdd“.
 */
export function normaliseCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, '')
    .toUpperCase();
}
