import type { BrowserLoginConfig } from '../auth/login-config.js';
import { deFileMissing, deSignIn } from '../i18n/de-first-view.js';
import { loginCss } from '../servicekonto-login/login-css.js';
import { baseCss } from '../shared/base-css.js';
import { partsBreakingAfterDots } from '../shared/label-parts.js';
import { isPainted, notePainted, takeFirstView, type PaintedState } from './handover.js';

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
    sheet.replaceSync(baseCss + loginCss);
  }
  return sheet;
}

/** Whether this browser can paint the first view as the element would style it (constructable style sheets). */
export function canPaint(): boolean {
  return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in Document.prototype;
}

/** Paints the signed-out view into `host`'s new shadow root (the element's: open, as Lit attaches it). */
export function paintSignedOut(host: HTMLElement, config: BrowserLoginConfig, onPress: () => void): void {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles()];
  const state: PaintedState = { clicked: false, intended: false };
  const button = element('button', { type: 'button', part: 'sign-in-button' }, breakAfterDots(deSignIn.signInButton[config.provider]));
  button.addEventListener('click', () => {
    if (state.clicked) return;
    state.clicked = true;
    button.setAttribute('aria-disabled', 'true');
    onPress();
  });
  for (const intent of ['pointerenter', 'pointerdown', 'focus']) button.addEventListener(intent, () => (state.intended = true));
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
  root.append(element('div', { lang: 'de' }, [status, ...body]));
  notePainted(root, state);
}

/**
 * The editor's box, as the elements draw it (config-error-view.ts), in place
 * of anything painted: the login's file is missing beside the script, so
 * neither element can come. Focus on a painted button goes to the box.
 */
export function paintFileMissing(host: HTMLElement, file: string): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!isPainted(root) && root.childNodes.length > 0) return;
  const hadFocus = root.activeElement !== null;
  takeFirstView(root);
  root.adoptedStyleSheets = [styles()];
  const t = deFileMissing;
  const box = element('div', { class: 'config-error', part: 'config-error', role: 'alert', tabindex: '-1', lang: 'de' }, [
    element('p', {}, [element('strong', {}, [t.title]), ` (<${host.localName}>)`]),
    element('p', {}, [t.intro]),
    element('ul', {}, [element('li', {}, [t.moduleMissing(file)])]),
    element('p', {}, [t.citizenHint]),
  ]);
  root.append(box);
  notePainted(root, { clicked: false, intended: false });
  if (hadFocus) box.focus();
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
