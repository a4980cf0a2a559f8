import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RouteRequest } from './context.js';
import { appendSetCookie, cookieValue, escapeHtml, hostCookie, send } from './http.js';
import { browserLanguage, knownLanguage, pageTexts, type PageLanguage, type PageText } from './page-texts.js';

const AUTO_SUBMIT = 'document.forms[0].submit();';
const AUTO_SUBMIT_HASH = `'sha256-${createHash('sha256').update(AUTO_SUBMIT).digest('base64')}'`;
const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}button{font:inherit;padding:.6rem 1rem}a{color:#004f9f}:lang(de-x-ls) body{font-size:1.125rem;line-height:1.6}:lang(de-x-ls) p{white-space:pre-line}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Keeps the page's language from `/login` (or `/logout/continue`) for the way back from the provider. */
const LANGUAGE_COOKIE = 'bp-lang';
const LANGUAGE_COOKIE_SECONDS = 3600;

/**
 * The language of the page the citizen came from: `lang` on the navigation
 * (the widget sends its page's), then the cookie that kept it, then the
 * browser's Accept-Language, then German. A `lang` on the navigation is kept.
 */
export function requestLanguage(request: RouteRequest): PageLanguage {
  const sent = knownLanguage(request.query.get('lang'));
  if (sent) {
    const cookie = hostCookie(LANGUAGE_COOKIE, sent, { maxAgeSeconds: LANGUAGE_COOKIE_SECONDS });
    const set = request.res.getHeader('Set-Cookie');
    if (!(Array.isArray(set) && set.includes(cookie))) appendSetCookie(request.res, cookie);
    return sent;
  }
  return knownLanguage(cookieValue(request.req, LANGUAGE_COOKIE)) ?? browserLanguage(request.req);
}

function page(res: ServerResponse, status: number, language: PageLanguage, title: string, body: string, policy: string[] = []): void {
  const html = `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  const csp = ["default-src 'none'", `style-src ${STYLE_HASH}`, "base-uri 'none'", "frame-ancestors 'none'", ...policy].join('; ');
  send(res, status, html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': language,
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
  });
}

/** A page the citizen sees only when something went wrong on the way: what happened, and a way back. */
export function messagePage(
  request: RouteRequest,
  status: number,
  choose: (texts: ReturnType<typeof pageTexts>) => PageText,
  back?: string,
  headers: Record<string, string> = {},
): void {
  const language = requestLanguage(request);
  const texts = pageTexts(language);
  const { title, text } = choose(texts);
  const link = back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(texts.back)}</a></p>` : '';
  for (const [name, value] of Object.entries(headers)) request.res.setHeader(name, value);
  page(request.res, status, language, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link}`, ["form-action 'none'"]);
}

/**
 * RP-initiated logout as a form POST: the ID token goes to the provider in the
 * body, never into a URL the browser keeps in its history. Without JavaScript
 * the page says that the button must be pressed.
 */
export function logoutFormPage(request: RouteRequest, endpoint: string, fields: Record<string, string>): void {
  const language = requestLanguage(request);
  const t = pageTexts(language).continueSignOut;
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  page(
    request.res,
    200,
    language,
    t.title,
    `<h1>${escapeHtml(t.heading)}</h1><noscript><p>${escapeHtml(t.withoutScript)}</p></noscript><form method="post" action="${escapeHtml(endpoint)}">${inputs}<button type="submit">${escapeHtml(t.button)}</button></form><script>${AUTO_SUBMIT}</script>`,
    // No form-action: browsers apply it to the redirects after the POST too (provider → BFF → page).
    [`script-src ${AUTO_SUBMIT_HASH}`],
  );
}
