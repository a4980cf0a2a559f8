import type { BrowserLoginConfig } from '../auth/login-config.js';
import { deFileLost, deFileMissing, deSignIn } from '../i18n/de-first-view.js';
import { loginCss } from '../servicekonto-login/login-css.js';
import { baseCss } from '../shared/base-css.js';
import { partsBreakingAfterDots } from '../shared/label-parts.js';
import { isPainted, notePainted, type PaintedState } from './handover.js';

/*
 * The signed-out view of <servicekonto-login>, painted by the first file with
 * the DOM alone, before Lit and the element are there: the same markup, texts
 * and styles as the element's (login-views.ts), so that nothing moves when the
 * element takes over (handover.ts). Its button only remembers a press (and
 * shows itself busy); the element then signs in.
 */

let sheet: CSSStyleSheet | undefined;

function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    // What it painted has its own size: the space cms/keep-space.css keeps for the element steps back.
    sheet.replaceSync(`${baseCss}${loginCss}:host{--_bp-kept-height:auto;--_bp-kept-width:auto}`);
  }
  return sheet;
}

/** Whether this browser can paint the first view as the element would style it (constructable style sheets). */
export function canPaint(): boolean {
  return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in Document.prototype;
}

/**
 * Paints the signed-out view into `host`'s new shadow root (the element's:
 * open, as Lit attaches it). A press marks the button busy and waits for the
 * element; should its file be lost, the first file puts the sentence and
 * „Erneut versuchen“ in its place.
 */
export function paintSignedOut(host: HTMLElement, config: BrowserLoginConfig): void {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles()];
  const state: PaintedState = { clicked: false, pressing: false, intended: false };
  const button = element('button', { type: 'button', part: 'sign-in-button' }, breakAfterDots(deSignIn.signInButton[config.provider]));
  button.addEventListener('click', () => {
    if (state.clicked) return;
    state.clicked = true;
    button.setAttribute('aria-disabled', 'true');
  });
  notePresses(button, state);
  const register = element('a', { part: 'registration-link', href: config.registrationUrl }, [deSignIn.registrationLink]);
  const body = host.hasAttribute('compact')
    ? [element('div', { class: 'compact' }, [button, ' ', register])]
    : [
        element('p', {}, [deSignIn.signedOutIntro[config.provider]]),
        element('div', { class: 'actions' }, [button]),
        // Two text runs, as the element's template has them: the link then starts at the same fraction of a pixel.
        element('p', {}, [deSignIn.registrationHint, ' ', register]),
      ];
  const status = element('p', { class: 'notice', part: 'notice', role: 'status' }, []);
  notePainted(root, element('div', { lang: 'de' }, [status, ...body]), state);
}

/** A press that spans the takeover (pointer or Space down on this button, up on the element's) counts; so do pointer and focus as intent. */
function notePresses(button: HTMLElement, state: PaintedState): void {
  const on = (types: string[], change: (event: Event) => void) => {
    for (const type of types) button.addEventListener(type, change);
  };
  on(['pointerenter', 'focus'], () => (state.intended = true));
  on(['pointerdown'], () => (state.intended = state.pressing = true));
  on(['pointerup', 'pointercancel', 'pointerleave', 'blur'], () => (state.pressing = false));
  on(['keydown'], (event) => (state.pressing ||= (event as KeyboardEvent).key === ' '));
  on(['keyup'], () => (state.pressing = false));
}

/**
 * The citizen's sentence and „Erneut versuchen“, as the elements draw it
 * (unavailable-view.ts), in place of anything painted: the login's file was
 * lost on the way. The retry is busy while it runs; `onRetry` asks again.
 * Focus inside the element goes to the retry.
 */
export function paintUnavailable(host: HTMLElement, sentence: string, onRetry: () => void): void {
  const retry = element('button', { type: 'button', class: 'secondary' }, [deFileLost.retry]);
  retry.addEventListener('click', () => {
    if (retry.getAttribute('aria-disabled') === 'true') return;
    retry.setAttribute('aria-disabled', 'true');
    onRetry();
  });
  const box = element('div', { class: 'problem', part: 'error', role: 'alert', tabindex: '-1', lang: 'de' }, [
    element('p', {}, [sentence]),
    element('div', { class: 'actions' }, [retry]),
  ]);
  paintInPlace(host, box, retry);
}

/**
 * The editor's box, as the elements draw it (config-error-view.ts), in place
 * of anything painted: the login's file is missing beside the script, so
 * neither element can come. Focus inside the element goes to the box.
 */
export function paintFileMissing(host: HTMLElement, file: string): void {
  const t = deFileMissing;
  const box = element('div', { class: 'config-error', part: 'config-error', role: 'alert', tabindex: '-1', lang: 'de' }, [
    element('p', {}, [element('strong', {}, [t.title]), ` (<${host.localName}>)`]),
    element('p', {}, [t.intro]),
    element('ul', {}, [element('li', {}, [t.moduleMissing(file)])]),
    element('p', {}, [t.citizenHint]),
  ]);
  paintInPlace(host, box, box);
}

/** `content` in place of anything painted in `host` – never of what the element drew itself; focus inside goes to `focusTarget`. */
function paintInPlace(host: HTMLElement, content: HTMLElement, focusTarget: HTMLElement): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!isPainted(root) && root.childNodes.length > 0) return;
  root.adoptedStyleSheets = [styles()];
  notePainted(root, content, undefined, focusTarget);
}

function element(tag: string, attributes: Record<string, string>, children: (Node | string)[]): HTMLElement {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}

/** As busy-aware-button.ts: a `<wbr>` after each dot inside a name. */
function breakAfterDots(label: string): (Node | string)[] {
  return partsBreakingAfterDots(label).flatMap((part, i) => (i === 0 ? [part] : [document.createElement('wbr'), part]));
}
