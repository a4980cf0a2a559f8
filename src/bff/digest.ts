import { createHash } from 'node:crypto';

/** SHA-256 in Base64url: how the store names what it must find again without holding it (session ids, subjects, token ids). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
