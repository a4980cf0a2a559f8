import {
  addGermanManagerTexts,
  CspWatchController,
  elementsByTag,
  FocusKeeper,
  KassenzeichenErrorEvent,
  LanguageController,
  LitElement,
  MANAGER_PROPERTIES,
  OnlineController,
  PropertyNamedAttributes,
  SessionController,
  SlotLinksController,
  baseStyles,
  html,
  nothing,
  onSessionCreated,
  property,
  reportConfigError,
  setTexts,
  setUpManager,
  signInNote,
  FirstViewTakeover,
  textsLoaded,
} from './from-main.js';
import type { PropertyValues, TemplateResult } from 'lit';
import type { Item } from '../api/types.js';
import type { Messages, TextOverrides } from '../i18n/localize.js';
import { deManager } from '../i18n/de-manager.js';
import { hasConfirmed } from './flow/state.js';
import { managerStyles } from './kassenzeichen-manager.styles.js';
import { ManagerController } from './manager-controller.js';
import type { HeadingLevel } from './set-up/manager-config.js';
import type { ManagerSetup } from './set-up/manager-setup.js';
import { renderStep } from './views/render-step.js';
import { statusText } from './views/common.js';
import { renderSetupProblem, reportSetup } from './views/setup-problem.js';
import type { ViewActions } from './views/props.js';

// Before the element can draw: the script for CMS pages ships these texts in the manager's file only.
addGermanManagerTexts(deManager);

/**
 * Die Kassenzeichen der angemeldeten Person: einmalige Zustimmung, Übersicht,
 * Kassenzeichen hinzufügen (der Bestätigungscode kommt per Post) und mit dem
 * Code bestätigen. Folgt Schritt für Schritt der Anleitung „Anmeldung im Bürgerportal“.
 *
 * @summary Kassenzeichen mit dem Konto verbinden – von der Zustimmung bis „Beenden“.
 * @tag kassenzeichen-manager
 *
 * @slot services - Die Links der Stadt zu den Diensten, die ein bestätigtes Kassenzeichen brauchen (z. B. `<ul slot="services"><li><a href="…">SEPA-Lastschriftmandat erteilen</a></li></ul>`). Das Element zeigt sie in seinen eigenen Farben unter „Übersicht der Services“, sobald ein Kassenzeichen bestätigt ist, und nach der Code-Eingabe; vorher steht dort der Satz aus der Anleitung, und die Links sind nicht erreichbar. Nur http(s)- und relative Adressen.
 * @slot consent-text - Der eigene Rechtstext der Stadt zur Datenübertragung (ohne Inhalt erscheint ein Standardtext).
 *
 * @fires kassenzeichen-changed - Die Liste wurde geladen oder hat sich geändert. `detail: { confirmed, pending }` (Anzahlen).
 * @fires kassenzeichen-requested - Ein Brief mit Bestätigungscode wurde angefordert. `detail: { newCode }`.
 * @fires kassenzeichen-confirmed - Ein Kassenzeichen wurde bestätigt. `detail: { autoLinked }` (wie viele automatisch dazukamen).
 * @fires kassenzeichen-error - Eine Anfrage ist fehlgeschlagen oder das Element ist falsch eingerichtet. `detail: { code }`, z. B. `network`, `validation`, `rate-limited`, `config-invalid`, `csp-blocked`, `module-missing` (buergerportal-widgets.manager.js fehlt neben dem Skript).
 * @fires servicekonto-signed-in - Nur ohne `<servicekonto-login>` auf der Seite: wie dort.
 * @fires servicekonto-signed-out - Nur ohne `<servicekonto-login>` auf der Seite: wie dort (`detail: { reason }`, auch `cancelled` und `sign-in-failed`).
 * @fires servicekonto-error - Nur ohne `<servicekonto-login>` auf der Seite: wie dort (`detail: { code }`, z. B. `sign-in-failed`, `storage-blocked`).
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
 * @csspart services - Der Abschnitt „Übersicht der Services“.
 * @csspart config-error - Der Kasten, der der Redaktion sagt, was falsch eingerichtet ist.
 *
 * @cssstate confirmed - Mindestens ein Kassenzeichen ist bestätigt: `kassenzeichen-manager:state(confirmed)`.
 *
 * @cssprop --bp-font-family - Schriftart (Standard: die der Seite).
 * @cssprop --bp-font-size - Grundschriftgröße (Standard: die Schriftgröße, die im Browser eingestellt ist – meist 16px –, unabhängig von der Schriftgröße der Seite).
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

  /** Basisadresse des Backends (Schnittstelle `src/api/openapi.yaml`). Pflicht ohne BFF; https (außer localhost); ein Pfad wie `/api` gilt relativ zur Seite. Im BFF-Modus nicht verwendet: dann spricht nur der BFF mit dem Backend. */
  @property({ attribute: 'backend-url' }) backendUrl = '';
  /** id des `<servicekonto-login>`, dessen Anmeldung verwendet wird. Standard: das erste auf der Seite. */
  @property() login = '';
  /** Adresse des Anmeldedienstes – nur für Seiten ohne `<servicekonto-login>`. */
  @property() authority = '';
  /** Client-ID beim Anmeldedienst – nur für Seiten ohne `<servicekonto-login>`. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** BFF-Modus – nur für Seiten ohne `<servicekonto-login>`: Adresse des Backend-for-Frontend (wie dort). */
  @property({ attribute: 'bff-url' }) bffUrl = '';
  /** Die Servicenummer für fehlende Objekte nach der Bestätigung. Standard: `02161 49 10 10`. */
  @property({ attribute: 'support-phone' }) supportPhone = '';
  /** Das Format des Kassenzeichens, `#` steht für eine Ziffer. Standard: `####.####.####`. */
  @property({ attribute: 'kassenzeichen-format' }) kassenzeichenFormat = '';
  /** Die Ebene der Schritt-Überschriften, 2 bis 6 (Standard: 2). Unter einer Abschnittsüberschrift `<h2>` der Seite also `3`; Unterüberschriften folgen eine Ebene tiefer. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;
  /** Sprache der Texte. Standard: das nächste `lang` der Seite, sonst Deutsch. */
  @property() override lang = '';

  private readonly auth = new SessionController(this, (next, previous) => this.flow.sessionChanged(next, previous));
  private readonly flow = new ManagerController(this, {
    api: () => this.setup.api,
    emit: (event) => this.emit(event),
    speaksForSession: () => (loginOnPage() ? undefined : this.setup.provider),
  });
  private readonly network = new OnlineController(this, (online) => this.flow.dispatch({ type: 'connectivity', online }));
  private readonly policy = new CspWatchController(
    this,
    () => this.setup.origins,
    (blocked) => {
      reportConfigError('kassenzeichen-manager', [this.messages.config.blockedByPolicy(blocked.origin, blocked.directive)]);
      this.emit(new KassenzeichenErrorEvent('csp-blocked'));
    },
  );
  private readonly actions: ViewActions = {
    dispatch: (event) => this.flow.dispatch(event),
    signIn: () => void this.auth.session?.signIn(),
    prepareSignIn: () => this.auth.session?.prepareSignIn(),
    signOut: () => void this.auth.session?.signOut(),
  };
  private setup: ManagerSetup = { problems: [], origins: [], provider: 'servicekonto-nrw', authority: '' };
  private readonly language = new LanguageController(this);
  private readonly services = new SlotLinksController(this, 'services');
  private stopWaiting?: () => void;
  /** What the first file painted in its place (a lost login file), until the element's rendering takes it. */
  private readonly firstView = new FirstViewTakeover();

  private readonly internals = this.attachInternals();

  /**
   * Ersetzt einzelne Texte einer Sprache, auch aus einem einfachen Skript der Seite:
   * `customElements.get('kassenzeichen-manager').setTexts('de', { manager: { labels: { kassenzeichen: 'Debitornummer' } } })`.
   * Gilt für beide Elemente.
   */
  static setTexts(language: string, texts: TextOverrides): void {
    setTexts(language, texts);
  }

  constructor() {
    super();
    // Server-rendered React writes `backendUrl="…"`: taken as `backend-url`.
    new PropertyNamedAttributes(this);
    // After the flow's controller: the flow's own focus moves come first; this catches focus that a render removed.
    new FocusKeeper(this, (root) => root.querySelector<HTMLElement>('.banner') ?? root.querySelector<HTMLElement>("[part~='heading']"));
  }

  /** Die zuletzt geladenen Kassenzeichen der Person (nur lesbar). */
  get items(): readonly Item[] {
    return Object.freeze(this.flow.state.items.map((item) => ({ ...item })));
  }

  /** Wartet, bis keine Anfrage mehr läuft und das Element fertig gezeichnet ist – z. B. für Tests oder bevor ein Skript der Seite `items` liest. */
  async whenSettled(): Promise<void> {
    await this.updateComplete;
    await textsLoaded();
    await this.auth.session?.settled();
    await this.flow.settled();
    await this.updateComplete;
  }

  /** Lädt die Kassenzeichen neu, z. B. nachdem ein Dienst der Seite etwas geändert hat. */
  reload(): void {
    this.flow.dispatch({ type: 'reload' });
  }

  private get messages(): Messages {
    return this.language.messages;
  }

  /** The first file may have painted „Erneut versuchen“ into the shadow root (its login file was lost): it makes way once the element has drawn. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.firstView.take(this.shadowRoot);
    return super.createRenderRoot();
  }

  protected override willUpdate(changed: PropertyValues<KassenzeichenManager>): void {
    if (!this.hasUpdated || MANAGER_PROPERTIES.some((name) => changed.has(name))) this.configure();
  }

  private configure(): void {
    const previous = this.setup;
    this.setup = setUpManager(this);
    if (reportSetup(this.setup, previous, this.messages)) this.emit(new KassenzeichenErrorEvent('config-invalid'));
    this.auth.use(this.setup.session);
    // No session yet: a <servicekonto-login> that a CMS adds later still counts.
    this.stopWaiting?.();
    this.stopWaiting = this.setup.session
      ? undefined
      : onSessionCreated(() => {
          this.configure();
          this.requestUpdate();
        });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const session = this.auth.snapshot;
    const problem = renderSetupProblem(this.setup, this.policy.blocked, session, m, () => void this.auth.session?.retry());
    const { config } = this.setup;
    if (problem || !config) return problem!; // Without a configuration there is a problem to show.
    const { state } = this.flow;
    const offline = this.network.online ? nothing : html`<p class="notice" id="offline" part="notice">${m.manager.problems.offline}</p>`;
    const props = {
      state,
      config,
      messages: m,
      lang: this.language.lang,
      provider: this.setup.provider,
      signInNote: loginOnPage() ? undefined : signInNote(m.login, session),
      entriesNotKept: !this.flow.draftsKept,
      services: this.services.links,
      actions: this.actions,
    };
    return html`<div lang=${m.language}>
      ${offline}${renderStep(props)}
      <p class="visually-hidden" role="status" part="status">
        ${statusText(props, {
          online: this.network.online,
          focusInside: !!this.shadowRoot?.activeElement,
          loginOnPage: loginOnPage(),
        })}
      </p>
    </div>`;
  }

  protected override updated(): void {
    this.firstView.afterRender();
    // The host page can style or script on it: kassenzeichen-manager:state(confirmed).
    if (hasConfirmed(this.flow.state)) this.internals.states?.add('confirmed');
    else this.internals.states?.delete('confirmed');
  }

  /** Every event goes out here; the manifest takes event names from the JSDoc above. */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }
}

/** Whether a `<servicekonto-login>` is on the page, whatever the page's markup names its elements (shared/page-dom.ts). */
function loginOnPage(): boolean {
  return elementsByTag(document, 'servicekonto-login').length > 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'kassenzeichen-manager': KassenzeichenManager;
  }
}
