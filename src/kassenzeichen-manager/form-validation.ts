import type { FieldError } from '../api/types.js';
import { parseKassenzeichen, type KassenzeichenProblem } from './kassenzeichen-format.js';

/* Checks of the citizen's entries before anything is sent. Pure. */

export type AddressField = 'kassenzeichen' | 'street' | 'houseNumber' | 'postalCode';
export const ADDRESS_FIELDS: readonly AddressField[] = ['kassenzeichen', 'street', 'houseNumber', 'postalCode'];

export interface AddressDraft {
  kassenzeichen: string;
  street: string;
  houseNumber: string;
  postalCode: string;
}

export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'too-long'; max: number }
  | { kind: 'postal-code' }
  | { kind: 'kassenzeichen'; problem: KassenzeichenProblem }
  /** `lang`: the language the backend names for its own words (`detail`). */
  | { kind: 'server'; code: FieldError['code']; detail?: string; lang?: string }
  | { kind: 'wrong-code'; remainingAttempts?: number };

export type FieldProblems<F extends string> = Partial<Record<F, FieldProblem>>;

const MAX_LENGTH: Record<Exclude<AddressField, 'kassenzeichen'>, number> = { street: 200, houseNumber: 20, postalCode: 5 };

/** Trims and NFC-normalises only; whether "Str." means "Straße" is for the backend to decide. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function validateAddress(draft: AddressDraft, format: string): { problems: FieldProblems<AddressField>; cleaned: AddressDraft } {
  const problems: FieldProblems<AddressField> = {};
  const kassenzeichen = parseKassenzeichen(draft.kassenzeichen, format);
  if (!kassenzeichen.ok) {
    problems.kassenzeichen =
      kassenzeichen.problem.kind === 'empty' ? { kind: 'required' } : { kind: 'kassenzeichen', problem: kassenzeichen.problem };
  }
  const cleaned: AddressDraft = {
    kassenzeichen: kassenzeichen.ok ? kassenzeichen.value : draft.kassenzeichen,
    street: cleanText(draft.street),
    houseNumber: cleanText(draft.houseNumber),
    postalCode: cleanText(draft.postalCode),
  };
  for (const field of ['street', 'houseNumber', 'postalCode'] as const) {
    const value = cleaned[field];
    if (value === '') problems[field] = { kind: 'required' };
    else if (field === 'postalCode' && !/^[0-9]{5}$/.test(value)) problems[field] = { kind: 'postal-code' };
    else if (value.length > MAX_LENGTH[field]) problems[field] = { kind: 'too-long', max: MAX_LENGTH[field] };
  }
  return { problems, cleaned };
}

/**
 * Puts a 422's field errors where they belong: `/street` at the street field;
 * pointers the form does not know are returned apart, for the error summary.
 */
export function mapServerFieldErrors<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
  lang?: string,
): { problems: FieldProblems<F>; unplaced: FieldError[] } {
  const problems: FieldProblems<F> = {};
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const field = error.pointer.replace(/^\//, '') as F;
    if (fields.includes(field) && !problems[field])
      problems[field] = { kind: 'server', code: error.code, detail: error.detail, ...(lang ? { lang } : {}) };
    else unplaced.push(error);
  }
  return { problems, unplaced };
}

export function hasProblems(problems: FieldProblems<string>): boolean {
  return Object.keys(problems).length > 0;
}
