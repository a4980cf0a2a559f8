import { html, nothing, type TemplateResult } from 'lit';
import type { LoginConfig } from '../auth/login-config.js';
import type { SessionSnapshot } from '../auth/session.js';
import { statusText } from '../shared/session-status-text.js';
import type { Messages } from '../i18n/messages.js';
import { busyAwareButton } from '../shared/busy-aware-button.js';

/* The login's views: small render functions of (texts, configuration, session, handlers). */

type LoginTexts = Messages['login'];

export interface LoginHandlers {
  signIn(): void;
  /** The citizen is about to sign in (the button pointed at, touched or focused). */
  prepareSignIn(): void;
  signOut(): void;
  extend(): void;
  keepOnEscape(event: Event): void;
}

export function renderSignedOut(
  t: LoginTexts,
  config: LoginConfig,
  snapshot: SessionSnapshot,
  compact: boolean,
  on: LoginHandlers,
): TemplateResult {
  const signIn = busyAwareButton(t.signInButton[config.provider], !!snapshot.redirecting, on.signIn, 'primary', {
    part: 'sign-in-button',
    onIntent: on.prepareSignIn,
  });
  const register = html`<a part="registration-link" href=${config.registrationUrl}>${t.registrationLink}</a>`;
  if (compact) return html`<div class="compact">${signIn} ${register}</div>`;
  return html`
    <p>${t.signedOutIntro[config.provider]}</p>
    <div class="actions">${signIn}</div>
    <p>${t.registrationHint} ${register}</p>
  `;
}

export function renderSignedIn(
  t: LoginTexts,
  snapshot: SessionSnapshot,
  compact: boolean,
  on: LoginHandlers,
  clock: string,
): TemplateResult {
  const name = snapshot.displayName;
  // Compact: the name alone on screen; screen readers hear the whole sentence.
  const who = !name
    ? nothing
    : compact
      ? html`<p><span class="visually-hidden">${t.signedInAs(name)}</span><span aria-hidden="true">${name}</span></p>`
      : html`<p>${t.signedInAs(name)}</p>`;
  return html`
    <div class="signed-in" part="signed-in">
      ${who}
      <button type="button" class="secondary" part="sign-out-button" @click=${on.signOut}>${t.signOutButton}</button>
    </div>
    ${compact ? nothing : html`<p class="sign-out-hint">${t.signOutHint}</p>`} ${renderExpiryDialog(t, on, clock)}
  `;
}

/** The warning before the session ends; opened and closed by the element. */
function renderExpiryDialog(t: LoginTexts, on: LoginHandlers, clock: string): TemplateResult {
  return html`
    <dialog part="dialog" aria-labelledby="expiring-title" aria-describedby="expiring-text" @cancel=${on.keepOnEscape}>
      <h2 id="expiring-title">${t.expiringTitle}</h2>
      <p id="expiring-text">${t.expiringText(clock)}</p>
      <div class="actions">
        <button type="button" @click=${on.extend}>${t.extendButton}</button>
        <button type="button" class="secondary" @click=${on.signOut}>${t.signOutButton}</button>
      </div>
    </dialog>
  `;
}

/** The status line, in one fixed place so that screen readers announce its changes. */
export function renderStatusLine(t: LoginTexts, snapshot: SessionSnapshot): TemplateResult {
  const text = statusText(t, snapshot);
  return html`<p class="notice" part="notice" role="status">${text ?? nothing}</p>`;
}
