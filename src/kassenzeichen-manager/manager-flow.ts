import { TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KassenzeichenApi } from '../api/client.js';
import { newIdempotencyKey } from '../api/idempotency.js';
import type { ConfirmationResult, Item, Role } from '../api/types.js';
import type { SessionSnapshot } from '../auth/auth-session.js';
import { KassenzeichenChangedEvent, KassenzeichenConfirmedEvent, KassenzeichenErrorEvent, KassenzeichenRequestedEvent } from '../events.js';
import type { Messages } from '../i18n/messages.js';
import { DraftStore } from './draft-store.js';
import { conflictText, planFailure, type FailureAction } from './failure.js';
import { codeTarget, initialFlow, transition, type FlowEvent, type FlowState } from './flow.js';
import { readAddress, readCode } from './form-data.js';
import { hasProblems, validateAddress, type AddressField, type FieldProblems } from './form-validation.js';
import { displayKassenzeichen, normaliseCode } from './kassenzeichen-format.js';
import type { ManagerConfig } from './manager-config.js';
import { createRequests, type RequestName } from './requests.js';
import type { Banner, CodeField, RoleField } from './views/context.js';
import { focusInView } from '../shared/focus.js';

type FocusTarget = 'heading' | 'summary' | 'problem';
const FOCUS_SELECTORS: Record<FocusTarget, string> = {
  heading: "[part~='heading']",
  summary: '.error-summary',
  problem: '.banner',
};

/** What the flow needs of its element. */
export interface FlowHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  messages(): Messages;
  language(): string;
  config(): ManagerConfig | undefined;
  api(): KassenzeichenApi | undefined;
  /** The signed-in citizen's `sub`, or `undefined`. */
  subject(): string | undefined;
  emit(event: Event): void;
}

/**
 * The citizen's way through `<kassenzeichen-manager>` at run time: the step
 * machine's state, the entries and their problems, the backend requests and
 * what follows them, the draft and where focus goes. The element renders it.
 * Each public method asks for a render first; Lit renders after the method's
 * synchronous changes, whatever path it returns by.
 */
export class ManagerFlow implements ReactiveController {
  flow: FlowState = initialFlow();
  list: Item[] = [];
  banner?: Banner;
  notice = '';
  addressProblems: FieldProblems<AddressField> = {};
  codeProblems: FieldProblems<CodeField> = {};
  roleProblems: FieldProblems<RoleField> = {};
  otherProblems: string[] = [];
  lockedUntil?: number;
  readonly requests;
  private readonly drafts = new DraftStore();
  private focusTarget?: FocusTarget;
  private focusAfterLoad = false;
  /** Whose entries `flow` holds (the `sub` of the citizen). */
  private flowOwner?: string;
  private savedFlow?: FlowState;
  private unlockTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: FlowHost) {
    host.addController(this);
    this.requests = createRequests(host, {
      api: () => host.api(),
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
  }

  get busy(): boolean {
    return Object.values(this.requests).some((task) => task.status === TaskStatus.PENDING);
  }

  /** After each render: keep the draft, and move focus where the last action asked for it. */
  hostUpdated(): void {
    const subject = this.host.subject();
    if (this.flow !== this.savedFlow && subject) {
      this.drafts.save(subject, this.flow);
      this.savedFlow = this.flow;
    }
    const target = this.focusTarget;
    this.focusTarget = undefined;
    // A failure in the background (the citizen is elsewhere on the page) is announced, not focused.
    const focusIsHere = !!(this.host.renderRoot as ShadowRoot).activeElement;
    if (target === 'problem' && !focusIsHere) return;
    const element = target ? this.host.renderRoot.querySelector<HTMLElement>(FOCUS_SELECTORS[target]) : null;
    if (element) focusInView(element);
  }

  hostDisconnected(): void {
    clearTimeout(this.unlockTimer);
  }

  cancel(): void {
    this.host.requestUpdate();
    for (const task of Object.values(this.requests)) task.abort();
  }

  agree(): void {
    this.host.requestUpdate();
    void this.requests.consent.run([]);
  }

  remove(): void {
    this.host.requestUpdate();
    if (this.flow.targetId) void this.requests.remove.run([this.flow.targetId]);
  }

  /** A step change by the citizen (or an answer to their action): focus follows to the new heading. */
  go(event: FlowEvent, byCitizen = false): void {
    this.host.requestUpdate();
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

  /** Typing: the flow follows the inputs (Lit only updates the bindings; the form keeps its DOM). */
  flowOnly(event: FlowEvent): void {
    this.host.requestUpdate();
    this.flow = transition(this.flow, event);
  }

  load(): void {
    this.host.requestUpdate();
    void this.requests.load.run([]);
  }

  sessionChanged(next: SessionSnapshot, previous: SessionSnapshot): void {
    this.host.requestUpdate();
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
      // Said in the live region too: the view changed without the citizen doing anything.
      if (next.reason === 'expired') this.notice = this.host.messages().manager.sessionExpired;
    }
  }

  loaded(result: { consentRequired: boolean; items: Item[] }): void {
    this.host.requestUpdate();
    this.list = result.items;
    if (!result.consentRequired) this.emitCounts();
    this.go({ type: 'loaded', ...result }, this.focusAfterLoad);
  }

  submitAddress(form: HTMLFormElement): void {
    this.host.requestUpdate();
    const { problems, cleaned } = validateAddress(readAddress(form), this.host.config()!.kassenzeichenFormat);
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
  formatKassenzeichen(input: HTMLInputElement): void {
    this.host.requestUpdate();
    const formatted = displayKassenzeichen(input.value, this.host.config()!.kassenzeichenFormat);
    if (formatted === input.value) return;
    input.value = formatted;
    this.flowOnly({ type: 'edit', address: readAddress(input.form!) });
  }

  submitRole(role: Role | undefined): void {
    this.host.requestUpdate();
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
    this.notice = this.host.messages().manager.busy;
    void this.requests.request.run([{ ...this.flow.address, role }, key]);
  }

  submitCode(form: HTMLFormElement): void {
    this.host.requestUpdate();
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
    this.notice = this.host.messages().manager.busy;
    void this.requests.confirm.run([target.id, normaliseCode(this.flow.code)]);
  }

  requestNewLetter(): void {
    this.host.requestUpdate();
    const id = this.flow.targetId;
    if (!id || this.requests.letter.status === TaskStatus.PENDING) return;
    const key = this.flow.requestKey ?? newIdempotencyKey();
    this.flowOnly({ type: 'request-started', key });
    void this.requests.letter.run([id, key]);
  }

  requested(item: Item, newCode: boolean): void {
    this.host.requestUpdate();
    this.drafts.clear(this.host.subject());
    this.lockedUntil = undefined;
    this.host.emit(new KassenzeichenRequestedEvent(newCode));
    this.go({ type: 'requested', item }, true);
    this.refreshList();
  }

  confirmed(result: ConfirmationResult): void {
    this.host.requestUpdate();
    this.drafts.clear(this.host.subject());
    this.host.emit(new KassenzeichenConfirmedEvent(result.autoLinked.length));
    this.go({ type: 'confirmed', result }, true);
    this.refreshList();
  }

  removed(): void {
    this.host.requestUpdate();
    this.go({ type: 'removed' }, true);
    this.notice = this.host.messages().manager.removed;
    this.refreshList();
  }

  /** Reloads the list in the background, keeping the current step. */
  private refreshList(): Promise<void> {
    return this.host.api()!.listKassenzeichen()
      .then((items) => {
        this.list = items;
        this.emitCounts();
        this.host.requestUpdate();
      })
      .catch(() => undefined);
  }

  async failed(error: unknown, request: RequestName): Promise<void> {
    this.host.requestUpdate();
    this.notice = '';
    const t = this.host.messages().manager;
    const plan = planFailure(error, request, t, this.host.language());
    if (plan.eventCode) this.host.emit(new KassenzeichenErrorEvent(plan.eventCode));
    if (plan.flow) this.go(plan.flow, plan.flow.type === 'rejected-fields');
    if (plan.addressProblems) this.addressProblems = plan.addressProblems;
    if (plan.otherProblems) this.otherProblems = plan.otherProblems;
    if (plan.codeProblems) this.codeProblems = plan.codeProblems;
    if (plan.lockedForSeconds) this.lockUntil(Date.now() + plan.lockedForSeconds * 1000);
    if (plan.focusSummary) this.focusTarget = 'summary';
    if (plan.banner) {
      this.banner = this.bannerWith(plan.banner.text, plan.banner.actions, request);
      this.focusTarget = 'problem';
    }
    if (plan.refreshList) await this.refreshList();
    if (plan.conflict) {
      // A new entry after a 409 is a new logical request with a key of its own.
      this.flowOnly({ type: 'request-started', key: newIdempotencyKey() });
      this.banner = this.bannerWith(conflictText(this.list, this.flow.address.kassenzeichen, t), ['overview'], request);
      this.focusTarget = 'problem';
    }
    this.host.requestUpdate();
  }

  private bannerWith(text: string, actions: readonly FailureAction[], request: RequestName): Banner {
    const t = this.host.messages().manager;
    const pendingId = codeTarget(this.flow, this.list)?.id ?? this.flow.targetId;
    const banner: Banner = { text };
    if (actions.includes('retry')) banner.retry = () => this.retry(request);
    if (actions.includes('overview')) banner.action = { label: t.toOverview, run: () => this.go({ type: 'finish' }, true) };
    if (actions.includes('new-letter') && pendingId) {
      banner.action = { label: t.newCodeButton, run: () => this.go({ type: 'ask-new-letter', itemId: pendingId }, true) };
    }
    return banner;
  }

  /**
   * The same request again, with the same data and the same Idempotency-Key.
   * The message stays until the outcome, so that focus stays on its button.
   */
  private retry(request: RequestName): void {
    if (this.busy) return;
    this.host.requestUpdate();
    if (request === 'load') this.load();
    else if (request === 'request') void this.resubmitUnlessArrived();
    else if (request === 'letter') this.requestNewLetter();
    else if (request === 'consent') void this.requests.consent.run([]);
    else if (request === 'remove' && this.flow.targetId) void this.requests.remove.run([this.flow.targetId]);
    else if (request === 'confirm') this.confirmCode();
  }

  /**
   * The failed letter request may have reached the backend after all: if the
   * list now shows the Kassenzeichen as pending, the letter is on its way;
   * otherwise send it again under the same Idempotency-Key.
   */
  private async resubmitUnlessArrived(): Promise<void> {
    await this.refreshList();
    const { address, role } = this.flow;
    const arrived = this.list.find((item) => item.kassenzeichen === address.kassenzeichen && item.status === 'pending');
    if (arrived) this.requested(arrived, false);
    else this.submitRole(role);
  }

  /** Code entry waits until `time`, then opens again by itself (no per-second announcements). */
  private lockUntil(time: number): void {
    this.lockedUntil = time;
    clearTimeout(this.unlockTimer);
    this.unlockTimer = setTimeout(() => {
      this.lockedUntil = undefined;
      this.host.requestUpdate();
    }, time - Date.now());
  }

  private emitCounts(): void {
    const pending = this.list.filter((item) => item.status === 'pending').length;
    this.host.emit(new KassenzeichenChangedEvent(this.list.length - pending, pending));
  }
}
