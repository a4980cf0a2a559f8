import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createApiClient, type KassenzeichenApi } from '../api/client.js';
import type { Item } from '../api/types.js';
import { SessionController } from '../auth/session-controller.js';
import { onSessionCreated } from '../auth/session-registry.js';
import { KassenzeichenErrorEvent } from '../events.js';
import { languageOf, messagesFor, type Messages } from '../i18n/localize.js';
import type { ProviderId } from '../i18n/messages.js';
import { describeConfigProblems, renderConfigError, reportConfigError } from '../shared/config-error-view.js';
import { describeSessionFailure } from '../shared/config-problem.js';
import { CspWatchController } from '../shared/csp-watch-controller.js';
import { FocusKeeper } from '../shared/focus-keeper.js';
import { renderUnavailable } from '../shared/unavailable-view.js';
import { heading } from './views/common.js';
import { isPassingFailure } from '../auth/session.js';
import { OnlineController } from '../shared/online-controller.js';
import { baseStyles } from '../shared/styles.js';
import { readAddress, readCode } from './form-data.js';
import { managerStyles } from './kassenzeichen-manager.styles.js';
import { readManagerConfig, type ManagerConfig } from './manager-config.js';
import { ManagerFlow, type FlowHost } from './manager-flow.js';
import { renderStep } from './render-step.js';
import { findSession } from './session-source.js';
import type { ViewContext } from './views/context.js';

/**
 * Die Kassenzeichen der angemeldeten Person: einmalige Zustimmung, Übersicht,
 * Kassenzeichen hinzufügen (der Bestätigungscode kommt per Post) und mit dem
 * Code bestätigen. Folgt Schritt für Schritt der Anleitung „Anmeldung im Bürgerportal“.
 *
 * @summary Kassenzeichen mit dem Konto verbinden – von der Zustimmung bis „Beenden“.
 * @tag kassenzeichen-manager
 *
 * @slot consent-text - Der eigene Rechtstext der Stadt zur Datenübertragung (ohne Inhalt erscheint ein Standardtext).
 *
 * @fires kassenzeichen-changed - Die Liste wurde geladen oder hat sich geändert. `detail: { confirmed, pending }` (Anzahlen).
 * @fires kassenzeichen-requested - Ein Brief mit Bestätigungscode wurde angefordert. `detail: { newCode }`.
 * @fires kassenzeichen-confirmed - Ein Kassenzeichen wurde bestätigt. `detail: { autoLinked }` (wie viele automatisch dazukamen).
 * @fires kassenzeichen-error - Eine Anfrage ist fehlgeschlagen oder das Element ist falsch eingerichtet. `detail: { code }`, z. B. `network`, `validation`, `rate-limited`, `config-invalid`, `csp-blocked`.
 *
 * @csspart heading - Die Überschrift jedes Schritts.
 * @csspart form - Die Formulare (Anschrift, Rolle, Code).
 * @csspart field - Ein Eingabefeld mit Beschriftung, Hinweis und Fehler.
 * @csspart field-error - Der Fehlertext an einem Feld.
 * @csspart error-summary - Die Fehlerübersicht über einem Formular.
 * @csspart error - Die Meldung einer fehlgeschlagenen Anfrage mit „Erneut versuchen“.
 * @csspart submit-button - Die Hauptschaltfläche eines Schritts („Weiter“, „OK“, „Zustimmen“ …).
 * @csspart add-button - „Kassenzeichen hinzufügen“ in der Übersicht.
 * @csspart sign-in-button - Die Anmelde-Schaltfläche, solange niemand angemeldet ist.
 * @csspart list - Die Liste der Kassenzeichen.
 * @csspart item - Ein Kassenzeichen in der Liste.
 * @csspart summary - Die Angaben zum Prüfen vor dem Absenden.
 * @csspart consent-text - Der Kasten um den Zustimmungstext.
 * @csspart phone-link - Die Servicenummer.
 * @csspart busy - Die Zeile, während eine Anfrage läuft.
 * @csspart notice - Hinweise (Sitzung abgelaufen, offline).
 * @csspart status - Der Bereich für Statusmeldungen an Screenreader.
 * @csspart config-error - Der Kasten, der der Redaktion sagt, was falsch eingerichtet ist.
 *
 * @cssprop --bp-font-family - Schriftart (Standard: die der Seite).
 * @cssprop --bp-font-size - Grundschriftgröße (Standard: 16px, unabhängig von der Schriftgröße der Seite).
 * @cssprop --bp-color-surface - Hintergrund von allem, was das Element selbst zeichnet: sein ganzer Bereich, Felder, Kästen, Listeneinträge, Nebenschaltflächen (Standard: #ffffff).
 * @cssprop --bp-color-on-surface - Textfarbe auf diesem Hintergrund (Standard: #1b1b1b). Immer zusammen mit `--bp-color-surface` ändern.
 * @cssprop --bp-color-primary - Farbe der Hauptschaltflächen und Akzente (Standard: #005ca9).
 * @cssprop --bp-color-on-primary - Textfarbe auf Hauptschaltflächen (Standard: #ffffff). Immer zusammen mit `--bp-color-primary` ändern.
 * @cssprop --bp-color-focus - Äußerer Ring des zweifarbigen Fokusrahmens (Standard: #1b1b1b).
 * @cssprop --bp-color-focus-inner - Innerer Ring des Fokusrahmens (Standard: #ffffff); so bleibt der Rahmen auf hellem und dunklem Grund sichtbar.
 * @cssprop --bp-color-error - Farbe, die Fehler markiert: Rahmen und Balken, nie Text (Standard: #c00020). Fehlertexte stehen in `--bp-color-on-surface`, damit sie in jedem Farbschema lesbar sind.
 * @cssprop --bp-color-border - Rahmen von Eingabefeldern und Listeneinträgen (Standard: `--bp-color-on-surface`).
 * @cssprop --bp-focus-width - Breite jedes Rings des Fokusrahmens (Standard: 3px).
 * @cssprop --bp-radius - Eckenradius (Standard: 4px).
 * @cssprop --bp-space - Abstand zwischen Bedienelementen (Standard: 0.75em).
 */
export class KassenzeichenManager extends LitElement {
  static override styles = [baseStyles, managerStyles];

  /** Basisadresse des Backends (Schnittstelle `src/api/openapi.yaml`). Pflicht; https (außer localhost); ein Pfad wie `/api` gilt relativ zur Seite. */
  @property({ attribute: 'backend-url' }) backendUrl = '';
  /** id des `<servicekonto-login>`, dessen Anmeldung verwendet wird. Standard: das erste auf der Seite. */
  @property() login = '';
  /** Adresse des Anmeldedienstes – nur für Seiten ohne `<servicekonto-login>`. */
  @property() authority = '';
  /** Client-ID beim Anmeldedienst – nur für Seiten ohne `<servicekonto-login>`. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Die Servicenummer für fehlende Objekte nach der Bestätigung. Standard: `02161 49 10 10`. */
  @property({ attribute: 'support-phone' }) supportPhone = '';
  /** Das Format des Kassenzeichens, `#` steht für eine Ziffer. Standard: `####.####.####`. */
  @property({ attribute: 'kassenzeichen-format' }) kassenzeichenFormat = '';
  /** Die Ebene der Schritt-Überschriften, 2 bis 6 (Standard: 2). Unter einer Abschnittsüberschrift `<h2>` der Seite also `3`; Unterüberschriften folgen eine Ebene tiefer. */
  @property({ attribute: 'heading-level' }) headingLevel = '';
  /** Sprache der Texte. Standard: das nächste `lang` der Seite, sonst Deutsch. */
  @property() override lang = '';

  private readonly auth = new SessionController(this, (next, previous) => this.steps.sessionChanged(next, previous));
  private readonly steps = new ManagerFlow(this.flowHost());
  private readonly network = new OnlineController(this);
  private readonly policy = new CspWatchController(
    this,
    () => [this.config?.backendUrl, this.sessionAuthority].filter(Boolean).map((url) => new URL(url!).origin),
    (blocked) => {
      reportConfigError('kassenzeichen-manager', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)]);
      this.emit(new KassenzeichenErrorEvent('csp-blocked'));
    },
  );
  private api?: KassenzeichenApi;
  private config?: ManagerConfig;
  private configProblems: string[] = [];
  private messages: Messages = messagesFor('de');
  private provider: ProviderId = 'servicekonto-nrw';
  private sessionAuthority = '';
  private stopWaiting?: () => void;

  constructor() {
    super();
    // After the flow's controller: the flow's own focus moves come first; this catches focus that a render removed.
    new FocusKeeper(this, (root) => root.querySelector<HTMLElement>(".banner, [part~='heading']"));
  }

  /** Die zuletzt geladenen Kassenzeichen der Person (nur lesbar). */
  get items(): readonly Item[] {
    return Object.freeze(this.steps.list.map((item) => ({ ...item })));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.messages = messagesFor(languageOf(this));
    if (this.hasUpdated && !['backendUrl', 'login', 'authority', 'clientId', 'supportPhone', 'kassenzeichenFormat', 'headingLevel'].some((p) => changed.has(p))) return;
    this.configure();
  }

  private configure(): void {
    const own = readManagerConfig((name) => this.getAttribute(name), location.href);
    const source = findSession(this);
    const problems = [...own.problems, ...source.problems];
    const descriptions = describeConfigProblems(problems, this.messages.config);
    if (descriptions.join() !== this.configProblems.join() && descriptions.length > 0) {
      reportConfigError('kassenzeichen-manager', descriptions);
      this.emit(new KassenzeichenErrorEvent('config-invalid'));
    }
    this.configProblems = descriptions;
    this.config = descriptions.length === 0 ? own.config : undefined;
    const session = this.config ? source.session : undefined;
    this.api = session && this.config
      ? createApiClient({ baseUrl: this.config.backendUrl, getAccessToken: () => session.getAccessToken(), renewAccessToken: () => session.renew() })
      : undefined;
    this.provider = source.config?.provider ?? 'servicekonto-nrw';
    this.sessionAuthority = source.config?.authority ?? '';
    this.auth.use(session);
    // No session yet: a <servicekonto-login> that a CMS adds later still counts.
    this.stopWaiting?.();
    this.stopWaiting = session ? undefined : onSessionCreated(() => this.retryConfigure());
  }

  private retryConfigure(): void {
    this.configure();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  protected override render(): TemplateResult {
    if (!this.config) return renderConfigError('kassenzeichen-manager', this.configProblems, this.messages.config);
    const blocked = this.policy.blocked;
    if (blocked) return renderConfigError('kassenzeichen-manager', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)], this.messages.config);
    const session = this.auth.snapshot;
    if (session.status === 'failed' && !isPassingFailure(session.failure)) {
      return renderConfigError('kassenzeichen-manager', [describeSessionFailure(session, this.sessionAuthority, this.messages.config)], this.messages.config);
    }
    if (session.status === 'failed') {
      const retry = () => void this.auth.session?.retry();
      return html`<div lang=${this.messages.language}>${heading(this.config, this.messages.manager.title)}${renderUnavailable(this.messages.login, !!session.retrying, retry)}</div>`;
    }
    const offline = this.network.online
      ? nothing
      : html`<p class="notice" id="offline" part="notice">${this.messages.manager.problems.offline}</p>`;
    return html`<div lang=${this.messages.language}>
      ${offline}${renderStep(this.viewContext(this.config))}
      <p class="visually-hidden" role="status" part="status">${this.steps.notice}</p>
    </div>`;
  }

  private viewContext(config: ManagerConfig): ViewContext {
    const { steps } = this;
    const session = this.auth.snapshot;
    return {
      t: this.messages.manager,
      lang: languageOf(this),
      provider: this.provider,
      config,
      headingLevel: config.headingLevel,
      busy: steps.busy,
      offline: !this.network.online,
      signInLabel: this.messages.login.signInButton[this.provider],
      redirecting: !!session.redirecting,
      signingIn: this.messages.login.signingIn,
      sessionExpired: session.reason === 'expired',
      state: steps.flow,
      items: steps.list,
      banner: steps.banner,
      notice: steps.notice,
      addressProblems: steps.addressProblems,
      codeProblems: steps.codeProblems,
      roleProblems: steps.roleProblems,
      otherProblems: steps.otherProblems,
      lockedUntil: steps.lockedUntil,
      go: (event) => steps.go(event, true),
      signIn: () => void this.auth.session?.signIn(),
      signOut: () => void this.auth.session?.signOut(),
      agree: () => steps.agree(),
      submitAddress: (form) => steps.submitAddress(form),
      editAddress: (form) => steps.flowOnly({ type: 'edit', address: readAddress(form) }),
      formatKassenzeichen: (input) => steps.formatKassenzeichen(input),
      submitRole: (role) => steps.submitRole(role),
      submitCode: (form) => steps.submitCode(form),
      editCode: (form) => steps.flowOnly({ type: 'code-typed', ...readCode(form) }),
      requestNewLetter: () => steps.requestNewLetter(),
      remove: () => steps.remove(),
      cancel: () => steps.cancel(),
    };
  }

  /** The element as its flow sees it. */
  private flowHost(): FlowHost {
    const element = this;
    return {
      addController: (controller) => element.addController(controller),
      removeController: (controller) => element.removeController(controller),
      requestUpdate: () => element.requestUpdate(),
      get updateComplete() {
        return element.updateComplete;
      },
      get renderRoot() {
        return element.renderRoot;
      },
      messages: () => element.messages,
      language: () => languageOf(element),
      config: () => element.config,
      api: () => element.api,
      subject: () => (element.auth.snapshot.status === 'signed-in' ? element.auth.snapshot.subject : undefined),
      emit: (event) => element.emit(event),
    };
  }

  /** Every event goes out here; the manifest takes event names from the JSDoc above. */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kassenzeichen-manager': KassenzeichenManager;
  }
}
