import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createApiClient, type KassenzeichenApi } from '../api/client.js';
import { newIdempotencyKey } from '../api/idempotency.js';
import type { ConfirmationResult, Item, Role } from '../api/types.js';
import type { SessionSnapshot } from '../auth/auth-session.js';
import { SessionController } from '../auth/session-controller.js';
import { onSessionCreated } from '../auth/session-registry.js';
import { KassenzeichenChangedEvent, KassenzeichenConfirmedEvent, KassenzeichenErrorEvent, KassenzeichenRequestedEvent } from '../events.js';
import { languageOf, messagesFor, type Messages } from '../i18n/localize.js';
import type { ProviderId } from '../i18n/messages.js';
import { describeSessionFailure } from '../shared/config-problem.js';
import { describeConfigProblems, renderConfigError, reportConfigError } from '../shared/config-error-view.js';
import { CspWatchController } from '../shared/csp-watch-controller.js';
import { OnlineController } from '../shared/online-controller.js';
import { baseStyles } from '../shared/styles.js';
import { DraftStore } from './draft-store.js';
import { codeTarget, initialFlow, transition, type FlowEvent, type FlowState } from './flow.js';
import { hasProblems, validateAddress, type AddressField, type FieldProblems } from './form-validation.js';
import { conflictText, planFailure, type FailureAction } from './failure.js';
import { displayKassenzeichen, normaliseCode } from './kassenzeichen-format.js';
import { managerStyles } from './kassenzeichen-manager.styles.js';
import { readManagerConfig, type ManagerConfig } from './manager-config.js';
import { readAddress, readCode } from './form-data.js';
import { renderStep } from './render-step.js';
import { createRequests, type RequestName } from './requests.js';
import { findSession } from './session-source.js';
import type { Banner, CodeField, RoleField, ViewContext } from './views/context.js';

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
 * @cssprop --bp-color-text - Textfarbe.
 * @cssprop --bp-color-primary - Farbe der Schaltflächen und Akzente.
 * @cssprop --bp-color-on-primary - Textfarbe auf Hauptschaltflächen.
 * @cssprop --bp-color-surface - Hintergrund von Kästen und Nebenschaltflächen.
 * @cssprop --bp-color-link - Farbe der Links.
 * @cssprop --bp-color-focus - Farbe des Fokusrahmens.
 * @cssprop --bp-color-error - Farbe der Fehlermeldungen.
 * @cssprop --bp-color-notice-bg - Hintergrund von Hinweisen.
 * @cssprop --bp-focus-width - Breite des Fokusrahmens.
 * @cssprop --bp-radius - Eckenradius.
 * @cssprop --bp-space - Abstand zwischen Bedienelementen.
 * @cssprop --bp-color-border - Rahmen von Eingabefeldern und Listeneinträgen.
 * @cssprop --bp-color-hint - Farbe der Hinweistexte.
 * @cssprop --bp-color-error-bg - Hintergrund von Fehlermeldungen.
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
  /** Sprache der Texte. Standard: das nächste `lang` der Seite, sonst Deutsch. */
  @property() override lang = '';

  @state() private flow: FlowState = initialFlow();
  @state() private list: Item[] = [];
  @state() private banner?: Banner;
  @state() private notice = '';
  @state() private addressProblems: FieldProblems<AddressField> = {};
  @state() private codeProblems: FieldProblems<CodeField> = {};
  @state() private roleProblems: FieldProblems<RoleField> = {};
  @state() private otherProblems: string[] = [];
  @state() private lockedUntil?: number;

  private readonly auth = new SessionController(this, (next, previous) => this.sessionChanged(next, previous));
  private readonly drafts = new DraftStore();
  private readonly network = new OnlineController(this);
  private readonly policy = new CspWatchController(
    this,
    () => [this.config?.backendUrl, this.sessionAuthority].filter(Boolean).map((url) => new URL(url!).origin),
    (blocked) => {
      reportConfigError('kassenzeichen-manager', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)]);
      this.emit(new KassenzeichenErrorEvent('csp-blocked'));
    },
  );
  private readonly requests = createRequests(this, {
    api: () => this.api,
    loaded: (result) => this.loaded(result),
    consented: () => {
      this.go({ type: 'consent-given' }, true);
      this.load();
    },
    requested: (item, newCode) => this.requested(item, newCode),
    confirmed: (result) => this.confirmed(result),
    removed: () => this.removed(),
    failed: (error, request) => void this.failed(error, request),
  });
  private api?: KassenzeichenApi;
  private config?: ManagerConfig;
  private configProblems: string[] = [];
  private messages: Messages = messagesFor('de');
  private focusTarget?: 'heading' | 'summary';
  private focusAfterLoad = false;
  /** Whose entries `flow` holds (the `sub` of the citizen). */
  private flowOwner?: string;
  private provider: ProviderId = 'servicekonto-nrw';
  private sessionAuthority = '';
  private stopWaiting?: () => void;

  /** Die zuletzt geladenen Kassenzeichen der Person (nur lesbar). */
  get items(): readonly Item[] {
    return Object.freeze(this.list.map((item) => ({ ...item })));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.messages = messagesFor(languageOf(this));
    if (this.hasUpdated && !['backendUrl', 'login', 'authority', 'clientId', 'supportPhone', 'kassenzeichenFormat'].some((p) => changed.has(p))) return;
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

  protected override updated(changed: PropertyValues): void {
    const subject = this.auth.snapshot.subject;
    if (changed.has('flow') && subject && this.auth.snapshot.status === 'signed-in') this.drafts.save(subject, this.flow);
    const target = this.focusTarget;
    this.focusTarget = undefined;
    const selector = target === 'summary' ? '.error-summary' : target === 'heading' ? 'h2' : undefined;
    if (selector) (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  protected override render(): TemplateResult {
    if (!this.config) return renderConfigError('kassenzeichen-manager', this.configProblems, this.messages.config);
    const blocked = this.policy.blocked;
    if (blocked) return renderConfigError('kassenzeichen-manager', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)], this.messages.config);
    if (this.auth.snapshot.status === 'failed') {
      const failure = describeSessionFailure(this.auth.snapshot.failure, this.sessionAuthority, this.messages.config);
      return renderConfigError('kassenzeichen-manager', [failure], this.messages.config);
    }
    const offline = this.network.online
      ? nothing
      : html`<p class="notice" id="offline" part="notice">${this.messages.manager.problems.offline}</p>`;
    return html`${offline}${renderStep(this.viewContext(this.config))}
      <p class="visually-hidden" role="status" part="status">${this.notice}</p>`;
  }

  private viewContext(config: ManagerConfig): ViewContext {
    const t = this.messages.manager;
    const provider = this.provider;
    const busy = Object.values(this.requests).some((task) => task.status === TaskStatus.PENDING);
    return {
      t, lang: languageOf(this), provider, config, busy, offline: !this.network.online,
      signInLabel: this.messages.login.signInButton[provider],
      redirecting: !!this.auth.snapshot.redirecting,
      signingIn: this.messages.login.signingIn,
      state: this.flow, items: this.list, banner: this.banner, notice: this.notice,
      sessionExpired: this.auth.snapshot.reason === 'expired',
      addressProblems: this.addressProblems, codeProblems: this.codeProblems, roleProblems: this.roleProblems,
      otherProblems: this.otherProblems, lockedUntil: this.lockedUntil,
      go: (event) => this.go(event, true),
      signIn: () => void this.auth.session?.signIn(),
      signOut: () => void this.auth.session?.signOut(),
      agree: () => void this.requests.consent.run([]),
      submitAddress: (form) => this.submitAddress(form),
      editAddress: (form) => this.flowOnly({ type: 'edit', address: readAddress(form) }),
      formatKassenzeichen: (input) => this.formatKassenzeichen(input),
      submitRole: (role) => this.submitRole(role),
      submitCode: (form) => this.submitCode(form),
      editCode: (form) => this.flowOnly({ type: 'code-typed', ...readCode(form) }),
      requestNewLetter: () => this.requestNewLetter(),
      remove: () => this.flow.targetId && void this.requests.remove.run([this.flow.targetId]),
      cancel: () => Object.values(this.requests).forEach((task) => task.abort()),
      reload: () => this.load(),
    };
  }

  /** A step change by the citizen (or an answer to their action): focus follows to the new heading. */
  private go(event: FlowEvent, byCitizen = false): void {
    const before = this.flow.step;
    this.flow = transition(this.flow, event);
    if (this.flow.step !== before) {
      this.notice = '';
      this.banner = undefined;
      this.addressProblems = {};
      this.codeProblems = {};
      this.roleProblems = {};
      this.otherProblems = [];
      if (byCitizen) this.focusTarget = 'heading';
      // The citizen's action led to loading: focus follows on to the step after it.
      this.focusAfterLoad = this.flow.step === 'loading' ? byCitizen : false;
    }
  }

  /** Typing: the state follows the inputs without re-rendering the form from scratch. */
  private flowOnly(event: FlowEvent): void {
    this.flow = transition(this.flow, event);
  }

  private load(): void {
    this.banner = undefined;
    void this.requests.load.run([]);
  }

  private sessionChanged(next: SessionSnapshot, previous: SessionSnapshot): void {
    if (next.status === 'signed-in' && (previous.status !== 'signed-in' || next.subject !== previous.subject)) {
      // Someone else signs in on this device: nothing of the previous person stays.
      if (this.flowOwner !== undefined && this.flowOwner !== next.subject) {
        this.flow = initialFlow();
        this.list = [];
      }
      this.flowOwner = next.subject;
      this.drafts.keepOnly(next.subject ?? '');
      const draft = this.drafts.load(next.subject ?? '');
      if (draft) this.flow = { ...this.flow, ...draft };
      this.go({ type: 'signed-in' });
      this.load();
    } else if (next.status === 'signed-out' && previous.status !== 'signed-out') {
      // Only the citizen's own sign-out (here or in another tab) ends the draft;
      // an expired session or a cancelled new sign-in keeps it for the return.
      const signedOutOnPurpose = next.reason === 'user' || next.reason === 'other-tab';
      if (signedOutOnPurpose) {
        this.drafts.clear();
        this.flow = initialFlow();
      }
      this.list = [];
      this.go({ type: 'signed-out' });
    }
  }

  private loaded(result: { consentRequired: boolean; items: Item[] }): void {
    this.list = result.items;
    if (!result.consentRequired) this.emitCounts();
    this.go({ type: 'loaded', ...result }, this.focusAfterLoad);
  }

  private submitAddress(form: HTMLFormElement): void {
    const { problems, cleaned } = validateAddress(readAddress(form), this.config!.kassenzeichenFormat);
    this.addressProblems = problems;
    this.otherProblems = [];
    if (hasProblems(problems)) {
      this.focusTarget = 'summary';
      this.flowOnly({ type: 'edit', address: readAddress(form) });
      return;
    }
    this.go({ type: 'address-checked', address: cleaned }, true);
  }

  /** On leaving the field: show a valid Kassenzeichen in the configured format. */
  private formatKassenzeichen(input: HTMLInputElement): void {
    const formatted = displayKassenzeichen(input.value, this.config!.kassenzeichenFormat);
    if (formatted === input.value) return;
    input.value = formatted;
    this.flowOnly({ type: 'edit', address: readAddress(input.form!) });
  }

  private submitRole(role: Role | undefined): void {
    if (this.requests.request.status === TaskStatus.PENDING) return;
    this.flowOnly({ type: 'role-chosen', role });
    if (!role) {
      this.roleProblems = { role: { kind: 'required' } };
      this.focusTarget = 'summary';
      return;
    }
    this.roleProblems = {};
    // Same logical request, same key: a retry after a timeout never posts a second letter.
    const key = this.flow.requestKey ?? newIdempotencyKey();
    this.flowOnly({ type: 'request-started', key });
    this.notice = this.messages.manager.busy;
    void this.requests.request.run([{ ...this.flow.address, role }, key]);
  }

  private submitCode(form: HTMLFormElement): void {
    if (this.requests.confirm.status === TaskStatus.PENDING) return;
    const { code, itemId } = readCode(form);
    this.flowOnly({ type: 'code-typed', code, itemId });
    const target = codeTarget(this.flow, this.list);
    const problems: FieldProblems<CodeField> = {};
    if (!target) problems.codeFor = { kind: 'required' };
    if (!normaliseCode(code)) problems.code = { kind: 'required' };
    this.codeProblems = problems;
    if (hasProblems(problems) || !target) {
      this.focusTarget = 'summary';
      return;
    }
    this.confirmCode();
  }

  private confirmCode(): void {
    const target = codeTarget(this.flow, this.list);
    if (!target || this.requests.confirm.status === TaskStatus.PENDING) return;
    this.notice = this.messages.manager.busy;
    void this.requests.confirm.run([target.id, normaliseCode(this.flow.code)]);
  }

  private requestNewLetter(): void {
    const id = this.flow.targetId;
    if (!id || this.requests.letter.status === TaskStatus.PENDING) return;
    const key = this.flow.requestKey ?? newIdempotencyKey();
    this.flowOnly({ type: 'request-started', key });
    void this.requests.letter.run([id, key]);
  }

  private requested(item: Item, newCode: boolean): void {
    this.drafts.clear(this.auth.snapshot.subject);
    this.lockedUntil = undefined;
    this.emit(new KassenzeichenRequestedEvent(newCode));
    this.go({ type: 'requested', item }, true);
    this.refreshList();
  }

  private confirmed(result: ConfirmationResult): void {
    this.drafts.clear(this.auth.snapshot.subject);
    this.emit(new KassenzeichenConfirmedEvent(result.autoLinked.length));
    this.go({ type: 'confirmed', result }, true);
    this.refreshList();
  }

  private removed(): void {
    this.go({ type: 'removed' }, true);
    this.notice = this.messages.manager.removed;
    this.refreshList();
  }

  /** Reloads the list in the background, keeping the current step. */
  private refreshList(): Promise<void> {
    return this.api!.listKassenzeichen()
      .then((items) => {
        this.list = items;
        this.emitCounts();
      })
      .catch(() => undefined);
  }

  private async failed(error: unknown, request: RequestName): Promise<void> {
    this.notice = '';
    const t = this.messages.manager;
    const plan = planFailure(error, request, t, languageOf(this));
    if (plan.eventCode) this.emit(new KassenzeichenErrorEvent(plan.eventCode));
    if (plan.flow) this.go(plan.flow, plan.flow.type === 'rejected-fields');
    if (plan.addressProblems) this.addressProblems = plan.addressProblems;
    if (plan.otherProblems) this.otherProblems = plan.otherProblems;
    if (plan.codeProblems) this.codeProblems = plan.codeProblems;
    if (plan.lockedForSeconds) this.lockedUntil = Date.now() + plan.lockedForSeconds * 1000;
    if (plan.focusSummary) this.focusTarget = 'summary';
    if (plan.banner) this.banner = this.bannerWith(plan.banner.text, plan.banner.actions, request);
    if (plan.refreshList) await this.refreshList();
    if (plan.conflict) {
      // A new entry after a 409 is a new logical request with a key of its own.
      this.flowOnly({ type: 'request-started', key: newIdempotencyKey() });
      this.banner = this.bannerWith(conflictText(this.list, this.flow.address.kassenzeichen, t), ['overview'], request);
    }
  }

  private bannerWith(text: string, actions: readonly FailureAction[], request: RequestName): Banner {
    const t = this.messages.manager;
    const pendingId = codeTarget(this.flow, this.list)?.id ?? this.flow.targetId;
    const banner: Banner = { text };
    if (actions.includes('retry')) banner.retry = () => this.retry(request);
    if (actions.includes('overview')) banner.action = { label: t.toOverview, run: () => this.go({ type: 'finish' }, true) };
    if (actions.includes('new-letter') && pendingId) {
      banner.action = { label: t.newCodeButton, run: () => this.go({ type: 'ask-new-letter', itemId: pendingId }, true) };
    }
    return banner;
  }

  /** The same request again, with the same data and the same Idempotency-Key. */
  private retry(request: RequestName): void {
    this.banner = undefined;
    if (request === 'load') this.load();
    else if (request === 'request') this.submitRole(this.flow.role);
    else if (request === 'letter') this.requestNewLetter();
    else if (request === 'consent') void this.requests.consent.run([]);
    else if (request === 'remove' && this.flow.targetId) void this.requests.remove.run([this.flow.targetId]);
    else if (request === 'confirm') this.confirmCode();
  }

  private emitCounts(): void {
    const pending = this.list.filter((item) => item.status === 'pending').length;
    this.emit(new KassenzeichenChangedEvent(this.list.length - pending, pending));
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
