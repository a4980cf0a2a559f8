import { createHmac, hash } from 'node:crypto';

/** SHA-256 in Base64url: how the store names what it must find again without holding it (session ids, subjects, token ids). */
export function sha256(value: string): string {
  return hash('sha256', value, 'base64url');
}

/**
 * How the store names what a request presents (sign-in states, logout
 * tickets, client addresses): an HMAC with BFF_STORE_KEY when there is one,
 * else SHA-256. Someone who reads the key names cannot present them, nor
 * hash every IPv4 address to find whose they are.
 */
export function storeName(value: string, secret: Buffer | undefined): string {
  return secret ? createHmac('sha256', secret).update(value).digest('base64url') : sha256(value);
}
