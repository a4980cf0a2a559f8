import {
  ApiError,
  KassenzeichenChangedEvent,
  KassenzeichenConfirmedEvent,
  KassenzeichenErrorEvent,
  KassenzeichenRequestedEvent,
  focusInView,
  isApiError,
  newIdempotencyKey,
  sessionEvents,
} from './from-main.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KassenzeichenApi } from '../api/client.js';
import type { ProviderId } from '../auth/login-config.js';
import type { SessionSnapshot } from '../auth/session.js';
import { DraftStore } from './draft-store.js';
import { draftOf, isEmptyDraft } from './flow/draft.js';
import type { FlowEvent } from './flow/events.js';
import { execute, type Answer, type PendingRequest } from './flow/requests.js';
import { initialFlow, type FlowState, type FocusTarget, type HostEvent } from './flow/state.js';
import { transition } from './flow/transition.js';
import { RequestRunner } from './request-runner.js';

/** The element the controller belongs to. */
export type ControllerHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the controller needs from its element: the API client as configured now, and a way to tell the host page. */
export interface ControllerDependencies {
  api(): KassenzeichenApi | undefined;
  emit(event: Event): void;
  /** With no `<servicekonto-login>` on the page the manager speaks for the session: the provider, for its `servicekonto-*` events. */
  speaksForSession?(): ProviderId | undefined;
}

const FOCUS_SELECTORS: Record<FocusTarget, string> = {
  heading: "[part~='heading']",
  summary: '.error-summary',
  problem: '.banner',
  more: '.items > li.first-new .item-title',
};

/** A failed request with what it was, for the state machine. */
class RequestFailure extends Error {
  constructor(
    readonly request: PendingRequest,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

/**
 * Runs the flow: feeds events into the pure state machine and does what the
 * new state asks for – the one request the citizen waits for (a
 * RequestRunner, aborted by a cancel), a list reload in the background, the unlock timer,
 * the host page's events, the draft in storage and the focus after render.
 * It knows no step and no request by name.
 */
export class ManagerController implements ReactiveController {
  state: FlowState = initialFlow();
  /** Whether the browser keeps the citizen's entries (across a reload or the sign-in redirect). */
  draftsKept = true;
  private readonly requests: RequestRunner<PendingRequest, Answer>;
  private readonly drafts = new DraftStore();
  /** The signed-in citizen (`sub`), whose draft is kept. */
  private subject?: string;
  private savedDraft = '';
  private refreshing?: AbortController;
  private reloading?: Promise<unknown>;
  /** The run of the current request, until its answer is in the state. */
  private running?: Promise<unknown>;
  private unlockTimer?: ReturnType<typeof setTimeout>;
  private focusApplied?: FlowState;
  /** Whether focus was inside the element when this update began (a render may remove the focused button). */
  private focusWasInside = false;

  constructor(
    private readonly host: ControllerHost,
    private readonly deps: ControllerDependencies,
  ) {
    host.addController(this);
    this.requests = new RequestRunner<PendingRequest, Answer>((request, signal) => this.run(request, signal), {
      answered: (answer) => this.dispatch({ type: 'answered', answer }),
      failed: (failure, request) =>
        this.dispatch({
          type: 'failed',
          request,
          error: failure instanceof RequestFailure ? failure.error : new ApiError('unexpected-response'),
        }),
      crashed: (error, request) => this.crashed(error, request),
    });
  }

  /**
   * A bug while the flow took an answer in: the console says what, and the
   * citizen gets the sentence of an unexpected answer with „Erneut versuchen“
   * instead of a step that stays busy. Should that fail as well, the step at
   * least stops waiting.
   */
  private crashed(error: unknown, request: PendingRequest): void {
    console.error('buergerportal-widgets: <kassenzeichen-manager> could not take in an answer:', error);
    try {
      this.dispatch({ type: 'failed', request, error: new ApiError('unexpected-response') });
    } catch (again) {
      console.error('buergerportal-widgets: <kassenzeichen-manager> could not show the failure either:', again);
      this.state = { ...this.state, pending: undefined };
      this.host.requestUpdate();
    }
  }

  readonly dispatch = (event: FlowEvent): void => {
    const previous = this.state;
    this.state = transition(previous, event, { now: Date.now(), newKey: newIdempotencyKey });
    this.follow(previous, this.state);
    this.host.requestUpdate();
  };

  /** Feeds the session's changes in: who is signed in, and the draft that waited for them. */
  sessionChanged(next: SessionSnapshot, previous: SessionSnapshot): void {
    const provider = this.deps.speaksForSession?.();
    if (provider) for (const event of sessionEvents(next, previous, provider)) this.deps.emit(event);
    if (next.status === 'signed-in' && (previous.status !== 'signed-in' || next.subject !== previous.subject)) {
      const subject = next.subject ?? '';
      const sameCitizen = this.subject === undefined || this.subject === subject;
      this.subject = subject;
      this.savedDraft = '';
      // Someone else on this device: nothing of the previous person stays.
      this.drafts.keepOnly(subject);
      this.dispatch({ type: 'signed-in', sameCitizen, draft: this.drafts.load(subject) });
    } else if (next.status === 'signed-out' && previous.status !== 'signed-out') {
      // Only the citizen's own sign-out (here or in another tab) ends the draft;
      // an expired session or a cancelled new sign-in keeps it for the return.
      const onPurpose = next.reason === 'user' || next.reason === 'other-tab' || next.reason === 'ended-elsewhere';
      if (onPurpose) this.drafts.clear();
      this.dispatch({ type: 'signed-out', expired: next.reason === 'expired', onPurpose });
    }
    if (!!next.redirecting !== this.state.redirecting) this.dispatch({ type: 'redirecting', value: !!next.redirecting });
  }

  /** Resolves when no request and no list reload is under way any more, follow-ups included. */
  async settled(): Promise<void> {
    for (;;) {
      const work: Promise<unknown>[] = [];
      if (this.state.pending && this.running) work.push(this.running);
      if (this.reloading) work.push(this.reloading);
      if (work.length === 0) return;
      await Promise.all(work);
      await this.host.updateComplete;
    }
  }

  hostUpdate(): void {
    this.focusWasInside = !!(this.host.renderRoot as ShadowRoot | undefined)?.activeElement;
  }

  hostUpdated(): void {
    const { state } = this;
    if (state === this.focusApplied || !state.focus) return;
    this.focusApplied = state;
    // A failure in the background (the citizen is elsewhere on the page) is announced, not focused.
    // Focus on a button that this render removed (a retry answered "too many requests") still counts as inside.
    if (state.focus === 'problem' && !this.focusWasInside) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(FOCUS_SELECTORS[state.focus]);
    if (target) focusInView(target);
  }

  hostDisconnected(): void {
    clearTimeout(this.unlockTimer);
    this.refreshing?.abort();
  }

  private async run(request: PendingRequest, signal: AbortSignal): Promise<Answer> {
    try {
      const api = this.deps.api();
      if (!api) throw new ApiError('unauthorized');
      return { name: request.name, value: await execute(api, request, signal), request } as Answer;
    } catch (error) {
      throw new RequestFailure(request, isApiError(error) ? error : new ApiError('unexpected-response'));
    }
  }

  /** What a new state asks for. */
  private follow(previous: FlowState, next: FlowState): void {
    if (next.pending !== previous.pending) {
      if (next.pending) this.start(next.pending);
      else this.requests.abort();
    }
    if (next.refreshes !== previous.refreshes) this.refreshList();
    if (next.lockedUntil !== previous.lockedUntil) this.scheduleUnlock(next.lockedUntil);
    for (const event of next.outbox) this.deps.emit(domEvent(event));
    this.keepDraft(next);
  }

  /**
   * Runs `request`. Not from inside the hand-over of the one before (an answer
   * that asks for the next request): that one finishes first.
   */
  private start(request: PendingRequest): void {
    const running: Promise<unknown> = Promise.resolve()
      .then(() => this.requests.run(request))
      .finally(() => {
        if (this.running === running) this.running = undefined;
      });
    this.running = running;
  }

  /** Reloads the list in the background, keeping the current step; a failure changes nothing. */
  private refreshList(): void {
    const api = this.deps.api();
    this.refreshing?.abort();
    if (!api) return;
    const controller = (this.refreshing = new AbortController());
    const reloading: Promise<unknown> = api
      .listKassenzeichen(controller.signal)
      .then(
        (items) => controller.signal.aborted || this.dispatch({ type: 'list-refreshed', items }),
        () => undefined,
      )
      .finally(() => {
        if (this.reloading === reloading) this.reloading = undefined;
      });
    this.reloading = reloading;
  }

  /** Code entry opens again by itself when the lock ends (no announcements every second). */
  private scheduleUnlock(until: number | undefined): void {
    clearTimeout(this.unlockTimer);
    if (until !== undefined) this.unlockTimer = setTimeout(() => this.dispatch({ type: 'lock-ended' }), Math.max(0, until - Date.now()));
  }

  private keepDraft(state: FlowState): void {
    if (!this.subject) return;
    const draft = draftOf(state);
    const serialised = JSON.stringify(draft);
    if (serialised === this.savedDraft) return;
    this.savedDraft = serialised;
    if (isEmptyDraft(draft)) return this.drafts.clear(this.subject);
    const kept = this.drafts.save(this.subject, draft);
    if (kept !== this.draftsKept) {
      this.draftsKept = kept;
      this.host.requestUpdate();
    }
  }
}

function domEvent(event: HostEvent): Event {
  switch (event.type) {
    case 'changed':
      return new KassenzeichenChangedEvent(event.confirmed, event.pending);
    case 'requested':
      return new KassenzeichenRequestedEvent(event.newCode);
    case 'confirmed':
      return new KassenzeichenConfirmedEvent(event.autoLinked);
    case 'error':
      return new KassenzeichenErrorEvent(event.code);
  }
}
