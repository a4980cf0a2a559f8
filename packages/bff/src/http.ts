import { COOKIE_PREFIX } from '../../../src/shared/bff-protocol.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers that hold session data are never cached, by the browser or anything between. */
const NO_STORE = { 'Cache-Control': 'no-store' };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
}

/** An RFC 9457 problem, with the `type` values the widget's contract uses. */
export function sendProblem(res: ServerResponse, status: number, type: string, title: string, headers: Record<string, string> = {}): void {
  const body = { type: `https://buergerportal.example/problems/${type}`, title, status };
  send(res, status, JSON.stringify(body), { 'Content-Type': 'application/problem+json', ...headers });
}

export function send(res: ServerResponse, status: number, body?: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...NO_STORE, 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string): void {
  send(res, 303, undefined, { Location: location });
}

export class BodyTooLargeError extends Error {}

/** No route takes more: a larger declared body is refused before any route runs. */
export const MAX_REQUEST_BODY_BYTES = 16_384;

export function declaresTooLargeBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES;
}

/** Reads the request body up to `limit` bytes; more ends the request with {@link BodyTooLargeError}. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  sameSite?: 'Lax' | 'Strict';
  /** For the page's own script: only a hint, never a credential. */
  readableByPage?: boolean;
}

/**
 * A `__Host-` cookie: Secure, path `/`, no Domain, HttpOnly. Browsers accept
 * Secure cookies from http://localhost and 127.0.0.1 too (development).
 */
export function hostCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${COOKIE_PREFIX}${name}=${value}`, 'Path=/', 'Secure', `SameSite=${options.sameSite ?? 'Lax'}`];
  if (!options.readableByPage) parts.push('HttpOnly');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}

export function clearedCookie(name: string): string {
  return hostCookie(name, '', { maxAgeSeconds: 0 });
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  return readCookies(req).get(`${COOKIE_PREFIX}${name}`) || undefined;
}

export function appendSetCookie(res: ServerResponse, cookie: string): void {
  const current = res.getHeader('Set-Cookie');
  const list = Array.isArray(current) ? current : typeof current === 'string' ? [current] : [];
  res.setHeader('Set-Cookie', [...list, cookie]);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
