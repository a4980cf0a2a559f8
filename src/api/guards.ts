import type { Account, ConfirmationResult, FieldError, Item, Problem } from './types.js';

/*
 * Shape checks for answers from the backend. A backend that answers 200 with
 * the wrong shape must not lead to a half-rendered list.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || isString(value);
}

export function isAccount(value: unknown): value is Account {
  return isObject(value) && isString(value.displayName) && typeof value.consentRequired === 'boolean';
}

function isAddress(value: unknown): boolean {
  return isObject(value) && isString(value.street) && isString(value.houseNumber) && isString(value.postalCode) && isString(value.city);
}

export function isItem(value: unknown): value is Item {
  return (
    isObject(value) &&
    isString(value.id) &&
    value.id.length > 0 &&
    isString(value.kassenzeichen) &&
    isAddress(value.address) &&
    (value.role === 'owner' || value.role === 'delivery_agent') &&
    (value.status === 'pending' || value.status === 'confirmed') &&
    isOptionalString(value.requestedAt) &&
    isOptionalString(value.confirmedAt)
  );
}

export function isItemList(value: unknown): value is { items: Item[] } {
  return isObject(value) && Array.isArray(value.items) && value.items.every(isItem);
}

export function isConfirmationResult(value: unknown): value is ConfirmationResult {
  return isObject(value) && isItem(value.confirmed) && Array.isArray(value.autoLinked) && value.autoLinked.every(isItem);
}

function isFieldError(value: unknown): value is FieldError {
  return isObject(value) && isString(value.pointer) && isString(value.code);
}

/** Reads what is usable of a problem body; anything else is dropped. */
export function readProblem(value: unknown): Partial<Problem> {
  if (!isObject(value)) return {};
  const errors = Array.isArray(value.errors) ? value.errors.filter(isFieldError) : undefined;
  const remaining = value.remainingAttempts;
  const detail = typeof value.detail === 'string' ? value.detail.trim().slice(0, 300) : '';
  return {
    errors,
    detail: detail || undefined,
    remainingAttempts: typeof remaining === 'number' && remaining >= 0 ? remaining : undefined,
  };
}
