import type { RequestAuthorization } from '../api/client.js';
import { beginCodeExchange, isOwnCallback, keptMetadata, onRedirectPath, signInStateStorage } from './code-exchange.js';
import { sessionKey, type BrowserLoginConfig, type LoginConfig } from './login-config.js';
import type { AuthSession, SessionFailure, SessionSnapshot } from './session.js';
import type { SessionFactory } from './session-factory.js';
import { askBffEarly, askOverviewEarly, type SessionHead } from './session-head.js';
import { askOverviewEarlyWithToken } from './overview-head.js';
import { surelySignedOut } from './signed-out-probe.js';

/** The session's file, beside the script. */
export const SESSION_FILE = 'buergerportal-widgets.session.js';

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
 * button at once when the page alone says nobody is signed in, begins what
 * must not wait for that file (the code exchange on the way back, the BFF's
 * session check), and then hands every call to the real session and tells
 * its listeners everything the real session says.
 */
export class DeferredSession implements AuthSession {
  readonly key: string;
  snapshot: SessionSnapshot = { status: 'starting' };
  private real?: AuthSession;
  private loading?: Promise<AuthSession | undefined>;
  private started?: Promise<void>;
  private head: SessionHead = {};
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

  private async begin(): Promise<void> {
    if (this.config.mode === 'bff') {
      this.head = { sessionAnswer: askBffEarly(this.config.bffUrl) };
      askOverviewEarly(this.config.bffUrl);
    } else {
      this.lookAtPage(this.config, new URL(location.href));
      if (!this.head.exchange) askOverviewEarlyWithToken(this.config);
    }
    await (await this.createReal())?.start();
  }

  /** The way back from the provider starts its code exchange now; a page that surely shows the button shows it now. */
  private lookAtPage(config: BrowserLoginConfig, url: URL): void {
    const storage = signInStateStorage();
    const metadata = onRedirectPath(config.redirectUri, url) && isOwnCallback(url, storage) ? keptMetadata(config.authority) : undefined;
    if (metadata) {
      const { authority, clientId, maxAge, resource } = config;
      this.head = { exchange: beginCodeExchange(url, { authority, clientId, maxAge, resource }, metadata, storage!) };
    } else if (this.snapshot.status === 'starting' && surelySignedOut(config, url)) {
      this.publish({ status: 'signed-out' });
    }
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
