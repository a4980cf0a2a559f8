/** Types of the backend contract in `openapi.yaml`. */

export type Role = 'owner' | 'delivery_agent';
export type ItemStatus = 'pending' | 'confirmed';

export interface Account {
  displayName: string;
  consentRequired: boolean;
}

/** What the overview needs: whether consent is missing, and the list (empty without consent). */
export interface Overview {
  consentRequired: boolean;
  items: Item[];
}

export interface Address {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** One Kassenzeichen of the citizen, confirmed or waiting for its code. */
export interface Item {
  id: string;
  kassenzeichen: string;
  address: Address;
  role: Role;
  status: ItemStatus;
  requestedAt?: string;
  confirmedAt?: string;
}

export interface LinkRequest {
  kassenzeichen: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  role: Role;
}

export interface ConfirmationResult {
  confirmed: Item;
  autoLinked: Item[];
}

export type FieldErrorCode = 'required' | 'format' | 'mismatch' | 'wrong-code';

export interface FieldError {
  /** JSON pointer into the request body, e.g. `/street`. */
  pointer: string;
  code: FieldErrorCode;
  detail?: string;
}

/** RFC 9457 problem details as the backend sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  remainingAttempts?: number;
}
