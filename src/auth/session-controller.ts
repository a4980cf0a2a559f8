import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthSession, SessionSnapshot } from './auth-session.js';

/** What counts as the citizen's activity inside an element (the idle limit starts anew). */
const ACTIVITY = ['input', 'keydown', 'pointerdown'] as const;

/**
 * Keeps an element in step with a shared session: subscribes while connected,
 * re-renders on every change and tells the host what changed.
 */
export class SessionController implements ReactiveController {
  session?: AuthSession;
  snapshot: SessionSnapshot = { status: 'starting' };
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (next: SessionSnapshot, previous: SessionSnapshot) => void = () => undefined,
    /** Whether an event in the element is the citizen's activity (the login leaves out its open dialog). */
    private readonly countsAsActivity: (event: Event) => boolean = () => true,
  ) {
    host.addController(this);
  }

  /** Switches to `session` (or none) and starts it. */
  use(session: AuthSession | undefined): void {
    if (session === this.session) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = session;
    if (session) {
      this.listen();
      void session.start();
    }
  }

  hostConnected(): void {
    if (this.session && !this.unsubscribe) this.listen();
    for (const type of ACTIVITY) this.element?.addEventListener(type, this.onActivity, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.element?.removeEventListener(type, this.onActivity, { capture: true });
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private get element(): HTMLElement | undefined {
    return this.host instanceof HTMLElement ? this.host : undefined;
  }

  private readonly onActivity = (event: Event) => {
    if (this.countsAsActivity(event)) this.session?.noteActivity();
  };

  private listen(): void {
    const session = this.session!;
    this.unsubscribe = session.subscribe((next) => this.apply(next));
    this.apply(session.snapshot);
  }

  private apply(next: SessionSnapshot): void {
    const previous = this.snapshot;
    this.snapshot = next;
    if (next !== previous) this.onChange(next, previous);
    this.host.requestUpdate();
  }
}
