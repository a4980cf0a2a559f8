import type { AddressDraft } from './form-validation.js';

/* Reading the forms with FormData: the DOM stays the source of what was typed. */

export function readAddress(form: HTMLFormElement): AddressDraft {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return {
    kassenzeichen: value('kassenzeichen'),
    street: value('street'),
    houseNumber: value('houseNumber'),
    postalCode: value('postalCode'),
  };
}

export function readCode(form: HTMLFormElement): { code: string; itemId?: string } {
  const data = new FormData(form);
  return { code: String(data.get('code') ?? ''), itemId: (data.get('itemId') as string | null) ?? undefined };
}
