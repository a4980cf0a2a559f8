import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { AuthSession, SessionSnapshot } from '../auth/session.js';
import {
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  LOGIN_PROPERTIES,
  readLoginConfig,
  type LoginConfig,
  type ProviderId,
  type SignOutMethod,
  type TokenStorage,
} from '../auth/login-config.js';
import { isPassingFailure, WARNING_BEFORE_END_MS } from '../auth/session.js';
import { FirstViewTakeover } from '../first-view/handover.js';
import { SessionController } from '../auth/session-controller.js';
import { sessionFor } from '../auth/session-registry.js';
import { ServicekontoErrorEvent, ServicekontoSessionExpiringEvent, type LoginState } from '../events.js';
import { setTexts, textsLoaded, type Messages, type TextOverrides } from '../i18n/localize.js';
import { LanguageController } from '../shared/language-controller.js';
import type { ConfigProblem } from '../shared/config-problem.js';
import { formatClock } from '../shared/clock.js';
import { describeConfigProblems, renderConfigError, reportConfigError, reportIgnored } from '../shared/config-error-view.js';
import { describeSessionFailure } from '../shared/config-problem-text.js';
import { configReader } from '../shared/config-reader.js';
import { CspWatchController } from '../shared/csp-watch-controller.js';
import { deepActiveElement, focusInView } from '../shared/focus.js';
import { FocusKeeper } from '../shared/focus-keeper.js';
import { PropertyNamedAttributes } from '../shared/property-named-attributes.js';
import { baseStyles } from '../shared/styles.js';
import { renderUnavailable } from '../shared/unavailable-view.js';
import { sessionEvents } from '../shared/session-events.js';
import { LoginStateTracker, publicState } from './login-state.js';
import { renderSignedIn, renderSignedOut, renderStatusLine, type LoginHandlers } from './login-views.js';
import { loginStyles } from './servicekonto-login.styles.js';

/**
 * Anmeldung mit dem Nutzerkonto (Servicekonto.NRW oder BundID) über OpenID Connect.
 * Schließt die Rückkehr vom Anmeldedienst selbst ab und teilt die Anmeldung mit
 * jedem `<kassenzeichen-manager>` auf der Seite.
 *
 * @summary Anmelde-Schaltfläche, Name der angemeldeten Person und Abmelden für das Bürgerportal.
 * @tag servicekonto-login
 *
 * @fires servicekonto-state-changed - `state` hat sich geändert. `detail: { state }`. Kommt vor dem Ereignis, das den Grund nennt, und auch, wenn die erste Prüfung „abgemeldet“ ergibt (dafür gibt es sonst kein Ereignis).
 * @fires servicekonto-signed-in - Die Person ist angemeldet. `detail: { provider }`.
 * @fires servicekonto-signed-out - Die Person ist abgemeldet. `detail: { reason }`: `user`, `expired`, `other-tab`, `copied` (die Kopie eines duplizierten Tabs endet, die Anmeldung läuft im Ursprungs-Tab weiter), `ended-elsewhere` (BFF-Modus: der Anmeldedienst hat die Anmeldung beendet, etwa nach einer Abmeldung in einem anderen Dienst), `cancelled`, `stale-callback` oder `sign-in-failed`.
 * @fires servicekonto-session-expiring - Die Sitzung endet in höchstens zwei Minuten; der Warndialog ist offen. `detail: { secondsLeft }`.
 * @fires servicekonto-error - Die Anmeldung kann nicht funktionieren. `detail: { code }`: `config-invalid`, `csp-blocked`, `discovery-failed`, `issuer-mismatch`, `module-missing`, `bff-refused`, `bff-invalid` (Einrichtung) oder `provider-unreachable`, `sign-in-failed`, `storage-blocked`, `browser-unsupported` (zur Laufzeit).
 *
 * @csspart sign-in-button - Die Schaltfläche „Zum Servicekonto.NRW“ (bzw. „Mit BundID anmelden“).
 * @csspart sign-out-button - Die Schaltfläche „Abmelden“.
 * @csspart registration-link - Der Link für Personen ohne Konto.
 * @csspart signed-in - Die Zeile mit dem Namen der angemeldeten Person.
 * @csspart notice - Die Statuszeile (abgebrochen, abgelaufen, anderswo abgemeldet).
 * @csspart dialog - Die Warnung, bevor die Sitzung endet.
 * @csspart error - Die Meldung, wenn der Anmeldedienst gerade nicht erreichbar ist, mit „Erneut versuchen“.
 * @csspart config-error - Der Kasten, der der Redaktion sagt, was falsch eingerichtet ist.
 *
 * @cssstate starting - Die Anmeldung wird noch geprüft: `servicekonto-login:state(starting)`.
 * @cssstate signed-in - Eine Person ist angemeldet: `servicekonto-login:state(signed-in)`.
 * @cssstate signed-out - Niemand ist angemeldet: `servicekonto-login:state(signed-out)`.
 * @cssstate failed - Die Anmeldung geht gerade nicht (falsch eingerichtet oder Anmeldedienst nicht erreichbar): `servicekonto-login:state(failed)`.
 *
 * @cssprop --bp-font-family - Schriftart (Standard: die der Seite).
 * @cssprop --bp-font-size - Grundschriftgröße (Standard: die Schriftgröße, die im Browser eingestellt ist – meist 16px –, unabhängig von der Schriftgröße der Seite).
 * @cssprop --bp-color-text - Textfarbe dort, wo das Element direkt auf der Seite steht, z. B. in der Kopfzeile (Standard: die Textfarbe der Umgebung, in einer dunklen Kopfzeile also deren helle Schrift).
 * @cssprop --bp-color-surface - Hintergrund von allem, was das Element selbst zeichnet: Warndialog, Hinweise, Nebenschaltflächen (Standard: #ffffff).
 * @cssprop --bp-color-on-surface - Textfarbe auf diesem Hintergrund (Standard: #1b1b1b). Immer zusammen mit `--bp-color-surface` ändern.
 * @cssprop --bp-color-primary - Farbe der Hauptschaltflächen und Akzente (Standard: #005ca9).
 * @cssprop --bp-color-on-primary - Textfarbe auf Hauptschaltflächen (Standard: #ffffff). Immer zusammen mit `--bp-color-primary` ändern.
 * @cssprop --bp-color-focus - Äußerer Ring des zweifarbigen Fokusrahmens (Standard: #1b1b1b).
 * @cssprop --bp-color-focus-inner - Innerer Ring des Fokusrahmens (Standard: #ffffff); so bleibt der Rahmen auf hellem und dunklem Grund sichtbar.
 * @cssprop --bp-color-error - Farbe, die Fehler markiert: Rahmen und Balken, nie Text (Standard: #c00020). Fehlertexte stehen in `--bp-color-on-surface`, damit sie in jedem Farbschema lesbar sind.
 * @cssprop --bp-focus-width - Breite jedes Rings des Fokusrahmens (Standard: 3px).
 * @cssprop --bp-radius - Eckenradius (Standard: 4px).
 * @cssprop --bp-space - Abstand zwischen Bedienelementen (Standard: 0.75em).
 */
export class ServicekontoLogin extends LitElement {
  static override styles = [baseStyles, loginStyles];

  /** Adresse (Issuer-URL) des OpenID-Anmeldedienstes, meist der Identity-Broker der Stadt vor Servicekonto.NRW oder BundID. Pflicht ohne `bff-url`; https (außer localhost). */
  @property() authority = '';
  /** Die beim Anmeldedienst registrierte öffentliche Client-ID. Pflicht ohne `bff-url`. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Wohin der Anmeldedienst zurückleitet. Standard: die aktuelle Seite (ohne Parameter). */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /** Wohin die Abmeldung zurückleitet. Standard: die aktuelle Seite. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri = '';
  /** Angefragte Scopes. Standard: `openid profile`. */
  @property() scope = '';
  /** Wird als `kc_idp_hint` weitergegeben, damit ein Broker (z. B. Keycloak) seine Auswahlseite überspringt. */
  @property({ attribute: 'idp-hint' }) idpHint = '';
  /** `servicekonto-nrw` (Standard) oder `bundid`: bestimmt die Beschriftungen („Zum Servicekonto.NRW“ bzw. „Mit BundID anmelden“). */
  @property() provider: ProviderId = 'servicekonto-nrw';
  /** Link für Personen ohne Konto. Standard: die Registrierungsseite des Anbieters. */
  @property({ attribute: 'registration-url' }) registrationUrl = '';
  /** `session` (Standard, sessionStorage) oder `memory` (nur im Arbeitsspeicher, beim Neuladen weg). */
  @property({ attribute: 'token-storage' }) tokenStorage: TokenStorage = 'session';
  /** Sekunden ohne Eingabe oder Klick in den Elementen bis zum Ende der Anmeldung (300–86400, Standard `1800`); die Warnung kommt 2 Minuten vorher. */
  @property({ attribute: 'idle-timeout', type: Number }) idleTimeout: number = DEFAULT_IDLE_TIMEOUT_SECONDS;
  /** Für Kiosk- und Bürgerbüro-Rechner: so viele Sekunden darf die letzte Passworteingabe beim Anmeldedienst höchstens zurückliegen (OpenID `max_age`; `0` fragt immer nach dem Passwort). Standard: keine Grenze. */
  @property({ attribute: 'max-age', type: Number }) maxAge?: number;
  /** Wie die Abmeldung dem Anmeldedienst gemeldet wird: `post` (Standard, das ID-Token im Formular) oder `get` (das ID-Token in der Adresse – landet in den Protokollen des Anmeldedienstes und im Browserverlauf). `get` nur für Anmeldedienste, die POST nicht annehmen (z. B. glewlwyd, oidc-provider ohne `enableHttpPostMethods`). */
  @property({ attribute: 'sign-out-method' }) signOutMethod: SignOutMethod = 'post';
  /** Für die IT: Kennung des Backends als Zielgruppe des Zugriffstokens (RFC 8707 `resource`, eine absolute Adresse wie `https://buergerportal-api.stadt.example/api`); das Backend prüft sie im `aud` des Tokens. Bei Anmeldediensten, die die Zielgruppe anders festlegen (Keycloak: „Audience“-Mapper), weglassen. */
  @property() resource?: string;
  /** BFF-Modus: Adresse des Backend-for-Frontend der Stadt (`BFF_PUBLIC_URL`, auch als Pfad wie `/buergerportal-bff`). Dann meldet der BFF an und hält die Tokens; `authority`, `client-id` und die übrigen OpenID-Attribute entfallen. */
  @property({ attribute: 'bff-url' }) bffUrl = '';
  /** Sprache der Texte. Standard: das nächste `lang` der Seite, sonst Deutsch. */
  @property() override lang = '';
  /** Für schmale Kopfzeilen: nur die Anmelde-Schaltfläche und „Jetzt registrieren“ (abgemeldet) bzw. der Name und „Abmelden“ (angemeldet). */
  @property({ type: Boolean, reflect: true }) compact = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly auth = new SessionController(
    this,
    (next, previous) => {
      this.tracker.refresh();
      for (const event of sessionEvents(next, previous, this.config?.provider ?? 'servicekonto-nrw')) this.emit(event);
    },
    // A key or a tap in the open warning is an answer to it, not activity: only its buttons and Escape close it.
    (event) => !(this.dialog?.open && event.composedPath().includes(this.dialog)),
  );
  private readonly policy = new CspWatchController(
    this,
    () => (this.config ? [new URL(this.config.authority).origin] : []), // in BFF mode `authority` is the BFF
    (blocked) => {
      reportConfigError('servicekonto-login', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)]);
      this.tracker.refresh();
      this.emit(new ServicekontoErrorEvent('csp-blocked'));
    },
  );
  private config?: LoginConfig;
  private configProblems: ConfigProblem[] = [];
  private readonly tracker = new LoginStateTracker(
    this.attachInternals(),
    () => (this.configProblems.length > 0 || this.policy.blocked ? 'failed' : publicState(this.auth.snapshot)),
    (event) => this.emit(event),
  );
  private readonly language = new LanguageController(this);

  private get messages(): Messages {
    return this.language.messages;
  }
  private focusBeforeDialog?: HTMLElement;
  /** What the first file painted, until the element's rendering has taken its place. */
  private readonly firstView = new FirstViewTakeover();
  /** The citizen answered this warning (a button or Escape): it does not open again until the session ends or goes on. */
  private warningAnswered = false;

  /**
   * Ersetzt einzelne Texte einer Sprache, auch aus einem einfachen Skript der Seite:
   * `customElements.get('servicekonto-login').setTexts('de', { login: { registrationLink: 'Konto anlegen' } })`.
   * Gilt für beide Elemente.
   */
  static setTexts(language: string, texts: TextOverrides): void {
    setTexts(language, texts);
  }

  constructor() {
    super();
    // Server-rendered React writes `clientId="…"`: taken as `client-id`.
    new PropertyNamedAttributes(this);
    // Focus that a render removed (the expiry dialog, a finished retry) goes to the element's first button,
    // or to the editor's box when a set-up problem took the button's place.
    new FocusKeeper(this, (root) => root.querySelector<HTMLElement>('button') ?? root.querySelector<HTMLElement>('.config-error'));
  }

  /** Die Anmeldesitzung dieses Elements (geteilt mit den Kassenzeichen-Elementen der Seite), z. B. `await login.session.getAccessToken()` für eigene Skripte; `undefined`, solange das Element falsch eingerichtet ist. */
  get session(): AuthSession | undefined {
    return this.auth.session;
  }

  /**
   * Wo die Anmeldung steht: `starting` (wird geprüft), `signed-in`, `signed-out` oder `failed` (falsch eingerichtet oder
   * Anmeldedienst nicht erreichbar) – nie, wer angemeldet ist. Für Skripte, die später dazukommen (z. B. nach `await import(…)`):
   * erst auf `servicekonto-state-changed` hören, dann `state` lesen – so entgeht ihnen keine Anmeldung.
   */
  get state(): LoginState {
    return this.tracker.state;
  }

  /** Wartet, bis die Anmeldung geprüft ist und nichts mehr läuft (Start, Verlängerung), und das Element fertig gezeichnet ist. */
  async whenSettled(): Promise<void> {
    await this.updateComplete;
    await textsLoaded();
    await this.auth.session?.settled();
    await this.updateComplete;
  }

  /** The first file may have painted into the shadow root already (first-view/): it makes way once the element has drawn. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.firstView.take(this.shadowRoot);
    return super.createRenderRoot();
  }

  /** A press on the painted sign-in button becomes the sign-in, a pointer or focus on it the preparation. */
  private handOverFirstView(): void {
    const view = this.firstView.afterRender();
    if (!view || this.auth.snapshot.status !== 'signed-out') return;
    if (view.clicked) this.handlers.signIn();
    else if (view.intended) this.handlers.prepareSignIn();
  }

  protected override willUpdate(changed: PropertyValues<ServicekontoLogin>): void {
    if (this.auth.session && !LOGIN_PROPERTIES.some((name) => changed.has(name))) return;
    const result = readLoginConfig(configReader(this), location);
    if (result.ok) {
      this.config = result.config;
      this.configProblems = [];
      if (result.config.mode === 'bff' && result.config.ignored.length > 0)
        reportIgnored('servicekonto-login', result.config.ignored, this.messages.config);
      this.auth.use(sessionFor(result.config));
      this.tracker.refresh();
      return;
    }
    this.config = undefined;
    this.auth.use(undefined);
    if (JSON.stringify(result.problems) === JSON.stringify(this.configProblems)) return;
    this.configProblems = result.problems;
    reportConfigError('servicekonto-login', describeConfigProblems(result.problems, this.messages.config));
    this.tracker.refresh();
    this.emit(new ServicekontoErrorEvent('config-invalid'));
  }

  protected override updated(): void {
    this.handOverFirstView();
    const expiring = this.auth.snapshot.status === 'signed-in' && !!this.auth.snapshot.expiring;
    if (!expiring) this.warningAnswered = false;
    if (expiring && !this.warningAnswered && this.dialog && !this.dialog.open) this.openDialog(this.dialog);
    if (!expiring && this.dialog?.open) this.closeDialog();
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    if (!this.config) return renderConfigError('servicekonto-login', describeConfigProblems(this.configProblems, m.config), m.config);
    const blocked = this.policy.blocked;
    if (blocked) return renderConfigError('servicekonto-login', [m.config.blockedByPolicy(blocked.origin, blocked.directive)], m.config);
    const snapshot = this.auth.snapshot;
    return html`<div lang=${m.language}>${renderStatusLine(m.login, snapshot)}${this.renderState(this.config, snapshot)}</div>`;
  }

  private renderState(config: LoginConfig, snapshot: SessionSnapshot): TemplateResult | typeof nothing {
    const t = this.messages.login;
    switch (snapshot.status) {
      case 'starting':
        return nothing;
      case 'failed':
        // A provider that cannot be reached is the citizen's business (a sentence, a retry); a wrong set-up the editor's.
        return isPassingFailure(snapshot.failure)
          ? renderUnavailable(t, !!snapshot.retrying, () => void this.auth.session?.retry())
          : renderConfigError(
              'servicekonto-login',
              [describeSessionFailure(snapshot, config.authority, this.messages.config)],
              this.messages.config,
            );
      case 'signed-out':
        return renderSignedOut(t, config, snapshot, this.compact, this.handlers);
      case 'signed-in': {
        const endsAt = snapshot.expiresAt ? formatClock(snapshot.expiresAt, this.language.lang) : '';
        return renderSignedIn(t, snapshot, this.compact, this.handlers, endsAt);
      }
    }
  }

  private openDialog(dialog: HTMLDialogElement): void {
    this.focusBeforeDialog = deepActiveElement();
    dialog.showModal();
    const secondsLeft = Math.max(0, Math.round(((this.auth.snapshot.expiresAt ?? Date.now()) - Date.now()) / 1000));
    this.emit(new ServicekontoSessionExpiringEvent(Math.min(secondsLeft, WARNING_BEFORE_END_MS / 1000)));
  }

  private closeDialog(): void {
    this.dialog?.close();
    if (this.focusBeforeDialog?.isConnected) focusInView(this.focusBeforeDialog);
    this.focusBeforeDialog = undefined;
  }

  /** A button of the warning or Escape: the warning closes for good, then `then` runs. */
  private answerWarning(then?: () => void): void {
    this.warningAnswered = true;
    this.closeDialog();
    then?.();
  }

  private readonly handlers: LoginHandlers = {
    signIn: () => void this.auth.session?.signIn(),
    prepareSignIn: () => this.auth.session?.prepareSignIn(),
    signOut: () => this.answerWarning(() => void this.auth.session?.signOut()),
    extend: () => this.answerWarning(() => void this.auth.session?.extend()),
    // Escape means "not now": close, keep the session running until it ends.
    keepOnEscape: (event) => {
      event.preventDefault();
      this.answerWarning();
    },
  };

  /** Every event goes out here; the manifest takes event names from the JSDoc above. */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'servicekonto-login': ServicekontoLogin;
  }
}
