import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeHtml, send } from './http.js';

const AUTO_SUBMIT = 'document.forms[0].submit();';
const AUTO_SUBMIT_HASH = `'sha256-${createHash('sha256').update(AUTO_SUBMIT).digest('base64')}'`;
const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}button{font:inherit;padding:.6rem 1rem}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function page(res: ServerResponse, status: number, title: string, body: string, policy: string[] = []): void {
  const html = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  const csp = ["default-src 'none'", `style-src ${STYLE_HASH}`, "base-uri 'none'", "frame-ancestors 'none'", ...policy].join('; ');
  send(res, status, html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
  });
}

/** A page the citizen sees only when something went wrong on the way: what happened, and a way back. */
export function messagePage(res: ServerResponse, status: number, title: string, text: string, back?: string): void {
  const link = back ? `<p><a href="${escapeHtml(back)}">Zurück zur Website</a></p>` : '';
  page(res, status, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link}`, ["form-action 'none'"]);
}

/**
 * RP-initiated logout as a form POST: the ID token goes to the provider in the
 * body, never into a URL the browser keeps in its history.
 */
export function logoutFormPage(res: ServerResponse, endpoint: string, fields: Record<string, string>): void {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  page(
    res,
    200,
    'Abmelden',
    `<h1>Sie werden abgemeldet …</h1><form method="post" action="${escapeHtml(endpoint)}">${inputs}<button type="submit">Abmeldung fortsetzen</button></form><script>${AUTO_SUBMIT}</script>`,
    // No form-action: browsers apply it to the redirects after the POST too (provider → BFF → page).
    [`script-src ${AUTO_SUBMIT_HASH}`],
  );
}
