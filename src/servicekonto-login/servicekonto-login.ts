import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { WARNING_BEFORE_END_MS, type SessionSnapshot, type SignedOutReason } from '../auth/auth-session.js';
import { readLoginConfig, type LoginConfig } from '../auth/login-config.js';
import { SessionController } from '../auth/session-controller.js';
import { sessionFor } from '../auth/session-registry.js';
import {
  ServicekontoErrorEvent,
  ServicekontoSessionExpiringEvent,
  ServicekontoSignedInEvent,
  ServicekontoSignedOutEvent,
} from '../events.js';
import { languageOf, messagesFor, type Messages } from '../i18n/localize.js';
import { describeSessionFailure } from '../shared/config-problem.js';
import { describeConfigProblems, renderConfigError, reportConfigError } from '../shared/config-error-view.js';
import { baseStyles } from '../shared/styles.js';
import { loginStyles } from './servicekonto-login.styles.js';

const CONFIG_ATTRIBUTES = [
  'authority', 'client-id', 'redirect-uri', 'post-logout-redirect-uri', 'scope', 'idp-hint', 'provider', 'registration-url', 'token-storage',
];

/**
 * Sign-in with the citizen account (Servicekonto.NRW or BundID) over OpenID Connect.
 * Completes the provider's redirect on its own and shares its session with every
 * `<kassenzeichen-manager>` on the page.
 *
 * @summary Sign-in button, signed-in name and sign-out for the Bürgerportal.
 * @tag servicekonto-login
 *
 * @fires servicekonto-signed-in - The citizen is signed in. `detail: { provider }`.
 * @fires servicekonto-signed-out - The citizen is signed out. `detail: { reason }`: `user`, `expired`, `other-tab`, `cancelled`, `stale-callback` or `sign-in-failed`.
 * @fires servicekonto-session-expiring - The session ends in at most two minutes; the warning dialog is open. `detail: { secondsLeft }`.
 * @fires servicekonto-error - Sign-in cannot work. `detail: { code }`: `config-invalid`, `discovery-failed`, `module-missing`, `sign-in-failed` or `storage-blocked`.
 *
 * @csspart sign-in-button - The button „Zum Servicekonto.NRW“ (or „Mit BundID anmelden“).
 * @csspart sign-out-button - The button „Abmelden“.
 * @csspart registration-link - The link for citizens without an account.
 * @csspart signed-in - The signed-in line with the citizen's name.
 * @csspart notice - The status line (cancelled, expired, signed out elsewhere).
 * @csspart dialog - The warning before the session ends.
 * @csspart config-error - The box that tells the web editor what is set up wrong.
 *
 * @cssprop --bp-font-family - Font of the element (default: the page's).
 * @cssprop --bp-font-size - Base text size (default: 16px, independent of the page's root size).
 * @cssprop --bp-color-text - Text colour.
 * @cssprop --bp-color-primary - Buttons and accents.
 * @cssprop --bp-color-on-primary - Text on primary buttons.
 * @cssprop --bp-color-surface - Background of boxes and secondary buttons.
 * @cssprop --bp-color-link - Links.
 * @cssprop --bp-color-focus - The focus ring.
 * @cssprop --bp-color-error - Errors.
 * @cssprop --bp-color-notice-bg - Background of notices.
 * @cssprop --bp-focus-width - Width of the focus ring.
 * @cssprop --bp-radius - Corner radius.
 * @cssprop --bp-space - Gap between controls.
 */
export class ServicekontoLogin extends LitElement {
  static override styles = [baseStyles, loginStyles];

  /** OpenID issuer URL, usually the city's identity broker in front of Servicekonto.NRW or BundID. Required; https outside localhost. */
  @property() authority = '';
  /** The public client registered at the provider. Required. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Where the provider sends the citizen back. Default: the current page (origin + path). */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /** Where sign-out returns. Default: the current page. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri = '';
  /** Requested scopes. Default: `openid profile`. */
  @property() scope = '';
  /** Passed on as `kc_idp_hint`, so that a broker skips its chooser. */
  @property({ attribute: 'idp-hint' }) idpHint = '';
  /** `servicekonto-nrw` (default) or `bundid`: names the provider in the texts. */
  @property() provider = '';
  /** Link for citizens without an account. Default: the provider's registration page. */
  @property({ attribute: 'registration-url' }) registrationUrl = '';
  /** `session` (default, sessionStorage) or `memory` (lost on reload). */
  @property({ attribute: 'token-storage' }) tokenStorage = '';
  /** Language of the texts (`de`, `en`). Default: the closest `lang` on the page, else German. */
  @property() override lang = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly auth = new SessionController(this, (next, previous) => this.announce(next, previous));
  private config?: LoginConfig;
  private configProblems: string[] = [];
  private messages: Messages = messagesFor('de');
  private focusBeforeDialog?: HTMLElement;

  /** The session this element shows (shared with the page's managers); `undefined` while misconfigured. */
  get session() {
    return this.auth.session;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.messages = messagesFor(languageOf(this));
    if (this.auth.session && !CONFIG_ATTRIBUTES.some((name) => changed.has(toProperty(name) as keyof ServicekontoLogin))) return;
    const result = readLoginConfig((name) => this.getAttribute(name), location);
    if (result.ok) {
      this.config = result.config;
      this.configProblems = [];
      this.auth.use(sessionFor(result.config));
    } else {
      this.config = undefined;
      this.auth.use(undefined);
      const problems = describeConfigProblems(result.problems, this.messages.config);
      if (problems.join() !== this.configProblems.join()) {
        this.configProblems = problems;
        reportConfigError('servicekonto-login', problems);
        this.emit(new ServicekontoErrorEvent('config-invalid'));
      }
    }
  }

  protected override updated(): void {
    const expiring = this.auth.snapshot.status === 'signed-in' && !!this.auth.snapshot.expiring;
    if (expiring && this.dialog && !this.dialog.open) this.openDialog(this.dialog);
    if (!expiring && this.dialog?.open) this.dialog.close();
  }

  protected override render(): TemplateResult {
    if (!this.config) return renderConfigError('servicekonto-login', this.configProblems, this.messages.config);
    const snapshot = this.auth.snapshot;
    switch (snapshot.status) {
      case 'starting':
        return html`<p role="status" aria-live="polite">${this.messages.login.checking}</p>`;
      case 'failed':
        return this.renderFailed(this.config);
      case 'signed-out':
        return this.renderSignedOut(this.config, snapshot);
      case 'signed-in':
        return this.renderSignedIn(snapshot);
    }
  }

  private renderSignedOut(config: LoginConfig, snapshot: SessionSnapshot): TemplateResult {
    const t = this.messages.login;
    return html`
      ${this.renderNotice(snapshot)}
      <p>${t.signedOutIntro[config.provider]}</p>
      <div class="actions">
        <button type="button" part="sign-in-button" @click=${this.signIn}>${t.signInButton[config.provider]}</button>
      </div>
      <p>${t.registrationHint} <a part="registration-link" href=${config.registrationUrl}>${t.registrationLink}</a></p>
    `;
  }

  private renderSignedIn(snapshot: SessionSnapshot): TemplateResult {
    const t = this.messages.login;
    return html`
      <div class="signed-in" part="signed-in">
        ${snapshot.displayName ? html`<p>${t.signedInAs(snapshot.displayName)}</p>` : nothing}
        <button type="button" class="secondary" part="sign-out-button" @click=${this.signOut}>${t.signOutButton}</button>
      </div>
      ${this.renderNotice(snapshot)} ${this.renderDialog(snapshot)}
    `;
  }

  private renderNotice(snapshot: SessionSnapshot): TemplateResult {
    const text = snapshot.storageBlocked ? this.messages.login.storageBlocked : noticeFor(snapshot.reason, this.messages);
    return html`<p class="notice" part="notice" role="status">${text ?? nothing}</p>`;
  }

  private renderFailed(config: LoginConfig): TemplateResult {
    const t = this.messages;
    return html`
      ${renderConfigError('servicekonto-login', [describeSessionFailure(this.auth.snapshot.failure, config.authority, t.config)], t.config)}
      <div class="actions">
        <button type="button" @click=${() => location.reload()}>${t.login.retry}</button>
      </div>
    `;
  }

  private renderDialog(snapshot: SessionSnapshot): TemplateResult {
    const t = this.messages.login;
    const time = snapshot.expiresAt ? formatClock(snapshot.expiresAt, languageOf(this)) : '';
    return html`
      <dialog part="dialog" aria-labelledby="expiring-title" aria-describedby="expiring-text" @cancel=${this.keepDialogOnEscape}>
        <h2 id="expiring-title">${t.expiringTitle}</h2>
        <p id="expiring-text">${t.expiringText(time)}</p>
        <div class="actions">
          <button type="button" @click=${this.extend}>${t.extendButton}</button>
          <button type="button" class="secondary" @click=${this.signOut}>${t.signOutButton}</button>
        </div>
      </dialog>
    `;
  }

  private openDialog(dialog: HTMLDialogElement): void {
    this.focusBeforeDialog = deepActiveElement();
    dialog.showModal();
    const secondsLeft = Math.max(0, Math.round(((this.auth.snapshot.expiresAt ?? Date.now()) - Date.now()) / 1000));
    this.emit(new ServicekontoSessionExpiringEvent(Math.min(secondsLeft, WARNING_BEFORE_END_MS / 1000)));
  }

  private keepDialogOnEscape(event: Event): void {
    // Escape means "not now": close, keep the session running until it ends.
    event.preventDefault();
    this.closeDialog();
  }

  private closeDialog(): void {
    this.dialog?.close();
    this.focusBeforeDialog?.focus();
    this.focusBeforeDialog = undefined;
  }

  private announce(next: SessionSnapshot, previous: SessionSnapshot): void {
    if (next.status === previous.status) return;
    const provider = this.config?.provider ?? 'servicekonto-nrw';
    if (next.status === 'signed-in') this.emit(new ServicekontoSignedInEvent(provider));
    if (next.status === 'signed-out' && (previous.status === 'signed-in' || next.reason)) {
      this.emit(new ServicekontoSignedOutEvent(next.reason ?? 'user'));
    }
    if (next.status === 'failed') this.emit(new ServicekontoErrorEvent(next.failure ?? 'discovery-failed'));
    if (next.status === 'signed-out' && next.reason === 'sign-in-failed') this.emit(new ServicekontoErrorEvent('sign-in-failed'));
    if (next.storageBlocked && !previous.storageBlocked) this.emit(new ServicekontoErrorEvent('storage-blocked'));
  }

  /** Every event goes out here; the manifest takes event names from the JSDoc above. */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }

  private readonly signIn = () => void this.auth.session?.signIn();

  private readonly signOut = async () => {
    this.closeDialog();
    await this.auth.session?.signOut();
  };

  private readonly extend = async () => {
    this.closeDialog();
    await this.auth.session?.extend();
  };
}

function noticeFor(reason: SignedOutReason | undefined, messages: Messages): string | undefined {
  const t = messages.login;
  const texts: Record<SignedOutReason, string | undefined> = {
    cancelled: t.cancelled,
    'stale-callback': t.staleCallback,
    expired: t.sessionEnded,
    'other-tab': t.signedOutElsewhere,
    'sign-in-failed': t.signInFailed,
    user: undefined,
  };
  return reason ? texts[reason] : undefined;
}

function toProperty(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function formatClock(epochMs: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'servicekonto-login': ServicekontoLogin;
  }
}
