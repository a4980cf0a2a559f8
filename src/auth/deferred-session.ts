import type { RequestAuthorization } from '../api/client.js';
import { takeHeadStart } from '../first-view/head-start.js';
import { SESSION_FILE } from '../shared/side-files.js';
import { sessionKey, type LoginConfig } from './login-config.js';
import type { AuthSession, SessionFailure, SessionSnapshot } from './session.js';
import type { SessionFactory } from './session-factory.js';
import type { SessionHead } from './session-head.js';

/** Why the session's file did not come: missing beside the script (the editor's to fix), or not reachable just now. */
export class SessionFileFailed extends Error {
  constructor(readonly failure: Extract<SessionFailure, 'module-missing' | 'provider-unreachable'>) {
    super(failure);
  }
}

/**
 * The session as the first file (buergerportal-widgets.js) has it: the
 * session's code comes in a file of its own, so that the sign-in button waits
 * for Lit and the login only. Meanwhile this stands in for it: it shows the
 * button at once when the page alone says nobody is signed in, takes what the
 * first file began that must not wait for that file (the code exchange on the
 * way back, the BFF's session check; first-view/head-start.ts), and then hands
 * every call to the real session and tells its listeners everything the real
 * session says.
 */
export class DeferredSession implements AuthSession {
  readonly key: string;
  snapshot: SessionSnapshot = { status: 'starting' };
  private real?: AuthSession;
  private loading?: Promise<AuthSession | undefined>;
  private started?: Promise<void>;
  /** What the first file began for this session, taken once (a retry after a lost file keeps it) and given to the real session. */
  private head?: SessionHead;
  /** The citizen clicked before the real session was there: the button stays busy until the redirect. */
  private signInWaiting = false;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();

  constructor(
    private readonly config: LoginConfig,
    private readonly loadFactory: () => Promise<SessionFactory>,
  ) {
    this.key = sessionKey(config);
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  async signIn(): Promise<void> {
    if (this.real) return this.real.signIn();
    if (this.signInWaiting) return;
    this.signInWaiting = true;
    this.publish({ ...this.snapshot, redirecting: true });
    const real = await this.session();
    this.signInWaiting = false;
    return real?.signIn();
  }

  prepareSignIn(): void {
    if (this.real) return this.real.prepareSignIn();
    void this.start().then(() => this.real?.prepareSignIn());
  }

  async signOut(): Promise<void> {
    return (await this.session())?.signOut();
  }

  async getAccessToken(): Promise<string | null> {
    return (await this.session())?.getAccessToken() ?? null;
  }

  requestAuthorization(): RequestAuthorization {
    if (this.real) return this.real.requestAuthorization();
    const real = async () => (await this.session())?.requestAuthorization();
    return {
      credentials: this.config.mode === 'bff' ? 'include' : undefined,
      headers: async () => (await real())?.headers() ?? null,
      renew: async () => (await (await real())?.renew?.()) ?? false,
    };
  }

  async renew(): Promise<string | null> {
    return (await this.session())?.renew() ?? null;
  }

  async extend(): Promise<void> {
    return (await this.session())?.extend();
  }

  noteActivity(): void {
    this.real?.noteActivity();
  }

  async settled(): Promise<void> {
    await this.started;
    await this.real?.settled();
  }

  /** After the session's file failed to come: it is asked for again. */
  async retry(): Promise<void> {
    if (this.real) return this.real.retry();
    if (this.snapshot.status !== 'failed' || this.snapshot.retrying) return this.start();
    this.publish({ ...this.snapshot, retrying: true });
    this.started = undefined;
    return this.start();
  }

  dispose(): void {
    this.real?.dispose();
    this.listeners.clear();
  }

  /** Takes what the first file began for this session (first-view/head-start.ts); the button comes now if the page says so. */
  private async begin(): Promise<void> {
    if (!this.head) {
      const { head, signedOut } = takeHeadStart(this.config);
      this.head = head;
      if (signedOut && this.snapshot.status === 'starting') this.publish({ status: 'signed-out' });
    }
    await (await this.createReal())?.start();
  }

  /** The real session, once; `undefined` (and the state `failed`) when its file cannot be loaded. */
  private createReal(): Promise<AuthSession | undefined> {
    this.loading ??= this.loadFactory().then(
      (create) => {
        const real = create(this.config, this.head);
        this.head = {};
        real.subscribe((next) => this.fromReal(next));
        this.real = real;
        return real;
      },
      (error: unknown) => {
        this.loading = undefined;
        const failure = error instanceof SessionFileFailed ? error.failure : 'module-missing';
        this.publish({ status: 'failed', failure, ...(failure === 'module-missing' && { missingFile: SESSION_FILE }) });
        return undefined;
      },
    );
    return this.loading;
  }

  /** The real session, started. */
  private async session(): Promise<AuthSession | undefined> {
    await this.start();
    return this.real;
  }

  private fromReal(next: SessionSnapshot): void {
    if (next.status !== 'signed-out') this.signInWaiting = false;
    this.publish(this.signInWaiting && next.status === 'signed-out' ? { ...next, redirecting: true } : next);
  }

  private publish(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
