import type { User, UserManager } from 'oidc-client-ts';
import { isSigninCallback, safeReturnUrl, withoutCallbackParams } from './callback-url.js';
import type { LoginConfig } from './login-config.js';
import { sessionKey } from './login-config.js';
import { MemoryStorage, usableStorage } from './safe-storage.js';

export type SessionStatus = 'starting' | 'signed-out' | 'signed-in' | 'failed';

/** Why the citizen sees the signed-out view: each has its own sentence. */
export type SignedOutReason = 'cancelled' | 'stale-callback' | 'expired' | 'other-tab' | 'user' | 'sign-in-failed';

export interface SessionSnapshot {
  status: SessionStatus;
  /** The citizen's name from the ID token, for display only. */
  displayName?: string;
  /** A stable identifier of the citizen (the `sub` claim), to keep drafts apart. */
  subject?: string;
  reason?: SignedOutReason;
  /** When the session ends for good unless renewed (ms since epoch). */
  expiresAt?: number;
  /** True from 2 minutes before `expiresAt`. */
  expiring?: boolean;
  /** With `failed`: the provider's discovery document could not be loaded. */
  failure?: 'discovery-failed';
  /** Web storage is blocked: sign-in state cannot survive the redirect. */
  storageBlocked?: boolean;
}

/** What the elements need of a sign-in session. */
export interface AuthSession {
  readonly key: string;
  readonly snapshot: SessionSnapshot;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Loads the provider's configuration, completes a sign-in callback or restores the stored user. Idempotent. */
  start(): Promise<void>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** A valid access token, renewed first when it is about to expire; `null` when signed out. */
  getAccessToken(): Promise<string | null>;
  /** Renews now (refresh token); `null` and signed out when that fails. */
  renew(): Promise<string | null>;
  /** The citizen asked to stay signed in: renew, or sign in again when renewal is impossible. */
  extend(): Promise<void>;
  /** Stops listening to other tabs and timers (the page keeps its stored sign-in). */
  dispose(): void;
}

export const WARNING_BEFORE_END_MS = 120_000;
const RENEW_AHEAD_MS = 60_000;
const CHANNEL_NAME = 'buergerportal-widgets-auth';

/** The session behind one authority and client on a page, wrapping oidc-client-ts (loaded on first use). */
export class OidcAuthSession implements AuthSession {
  readonly key: string;
  snapshot: SessionSnapshot = { status: 'starting' };
  private manager?: UserManager;
  private started?: Promise<void>;
  private renewing?: Promise<string | null>;
  private warningTimer?: ReturnType<typeof setTimeout>;
  private endTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private channel?: BroadcastChannel;

  constructor(private readonly config: LoginConfig) {
    this.key = sessionKey(config);
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.started ??= this.initialise();
    return this.started;
  }

  async signIn(): Promise<void> {
    const manager = await this.userManager();
    const returnTo = withoutCallbackParams(new URL(location.href)).href;
    try {
      await manager.signinRedirect({ url_state: undefined, state: { returnTo } });
    } catch {
      this.update({ status: 'signed-out', reason: 'sign-in-failed' });
    }
  }

  async signOut(): Promise<void> {
    const manager = await this.userManager();
    const user = await manager.getUser().catch(() => null);
    await this.endLocally('user');
    this.channel?.postMessage({ type: 'signed-out', key: this.key });
    try {
      const metadata = await manager.metadataService.getMetadata();
      if (!metadata.end_session_endpoint) return;
      await manager.signoutRedirect({ id_token_hint: user?.id_token });
    } catch {
      // The provider is unreachable: the local session is gone all the same.
    }
  }

  async getAccessToken(): Promise<string | null> {
    await this.start();
    const user = await this.storedUser();
    if (!user) return null;
    const expiresAt = (user.expires_at ?? 0) * 1000;
    if (expiresAt - Date.now() > RENEW_AHEAD_MS) return user.access_token;
    return this.renew();
  }

  renew(): Promise<string | null> {
    this.renewing ??= this.renewOnce().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  async extend(): Promise<void> {
    const user = await this.storedUser();
    if (user?.refresh_token && (await this.renew())) return;
    await this.signIn();
  }

  dispose(): void {
    clearTimeout(this.warningTimer);
    clearTimeout(this.endTimer);
    this.channel?.close();
    removeEventListener('pageshow', this.onPageShow);
    this.listeners.clear();
  }

  private readonly onPageShow = (event: PageTransitionEvent) => {
    // Back from the bfcache: the citizen may have signed out meanwhile.
    if (event.persisted) void this.restore();
  };

  private async initialise(): Promise<void> {
    this.listenToOtherTabs();
    let manager: UserManager;
    try {
      manager = await this.userManager();
      await manager.metadataService.getMetadata();
    } catch {
      this.update({ status: 'failed', failure: 'discovery-failed' });
      return;
    }
    const url = new URL(location.href);
    if (isSigninCallback(url)) await this.completeCallback(manager, url);
    else await this.restore();
    addEventListener('pageshow', this.onPageShow);
  }

  private async completeCallback(manager: UserManager, url: URL): Promise<void> {
    const cancelled = url.searchParams.get('error') === 'access_denied';
    let returnTo = withoutCallbackParams(url);
    try {
      const user = await manager.signinCallback(url.href);
      if (user) {
        returnTo = safeReturnUrl((user.state as { returnTo?: unknown } | undefined)?.returnTo, url);
        this.applyUser(user);
      }
    } catch {
      // A reloaded or repeated callback ("No matching state found") or a refusal.
      const stored = await this.storedUser();
      if (stored) this.applyUser(stored);
      else this.update({ status: 'signed-out', reason: cancelled ? 'cancelled' : 'stale-callback' });
    }
    this.leaveCallbackUrl(url, returnTo);
  }

  private leaveCallbackUrl(current: URL, returnTo: URL): void {
    if (returnTo.origin === current.origin && returnTo.pathname === current.pathname) {
      history.replaceState(history.state, '', returnTo.href);
    } else {
      history.replaceState(history.state, '', withoutCallbackParams(current).href);
      location.assign(returnTo.href);
    }
  }

  private async restore(): Promise<void> {
    const user = await this.storedUser();
    if (user && !user.expired) return this.applyUser(user);
    if (user?.refresh_token && (await this.renew())) return;
    if (user) await this.endLocally('expired');
    else this.update({ status: 'signed-out', reason: undefined });
  }

  private async renewOnce(): Promise<string | null> {
    const manager = await this.userManager();
    const attempt = async () => {
      const stored = await manager.getUser().catch(() => null);
      if (!stored?.refresh_token) return null;
      try {
        const renewed = await manager.signinSilent();
        return renewed;
      } catch {
        return null;
      }
    };
    // One renewal at a time across tabs: a rotating refresh token is used once.
    const user = navigator.locks ? await navigator.locks.request(`buergerportal-renew ${this.key}`, attempt) : await attempt();
    if (!user) {
      await this.endLocally('expired');
      return null;
    }
    this.applyUser(user);
    return user.access_token;
  }

  private applyUser(user: User): void {
    const profile = user.profile;
    const name = profile.name ?? ([profile.given_name, profile.family_name].filter(Boolean).join(' ') || profile.preferred_username);
    const expiresAt = user.expires_at ? user.expires_at * 1000 : undefined;
    this.update({
      status: 'signed-in',
      displayName: name || undefined,
      subject: profile.sub,
      expiresAt,
      expiring: expiresAt !== undefined && expiresAt - Date.now() <= WARNING_BEFORE_END_MS,
    });
    this.scheduleExpiry(expiresAt);
  }

  private scheduleExpiry(expiresAt: number | undefined): void {
    clearTimeout(this.warningTimer);
    clearTimeout(this.endTimer);
    if (expiresAt === undefined) return;
    const untilWarning = expiresAt - WARNING_BEFORE_END_MS - Date.now();
    this.warningTimer = setTimeout(() => this.update({ ...this.snapshot, expiring: true }), Math.max(0, untilWarning));
    this.endTimer = setTimeout(() => void this.endLocally('expired'), Math.max(0, expiresAt - Date.now()));
  }

  private async endLocally(reason: SignedOutReason): Promise<void> {
    clearTimeout(this.warningTimer);
    clearTimeout(this.endTimer);
    await this.manager?.removeUser().catch(() => undefined);
    this.update({ status: 'signed-out', reason, storageBlocked: this.snapshot.storageBlocked });
  }

  private listenToOtherTabs(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL_NAME);
    this.channel.addEventListener('message', (event: MessageEvent<{ type?: string; key?: string }>) => {
      if (event.data?.type === 'signed-out' && event.data.key === this.key && this.snapshot.status === 'signed-in') {
        void this.endLocally('other-tab');
      }
    });
  }

  private async storedUser(): Promise<User | null> {
    const manager = await this.userManager();
    return manager.getUser().catch(() => null);
  }

  private async userManager(): Promise<UserManager> {
    if (this.manager) return this.manager;
    const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
    const { config } = this;
    const userStorage = (config.tokenStorage === 'session' && usableStorage('session')) || new MemoryStorage();
    const stateStorage = usableStorage('local') ?? usableStorage('session');
    if (!stateStorage) this.snapshot = { ...this.snapshot, storageBlocked: true };
    this.manager ??= new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      post_logout_redirect_uri: config.postLogoutRedirectUri,
      scope: config.scope,
      response_type: 'code',
      extraQueryParams: config.idpHint ? { kc_idp_hint: config.idpHint } : undefined,
      userStore: new WebStorageStateStore({ store: userStorage }),
      stateStore: new WebStorageStateStore({ store: stateStorage ?? new MemoryStorage() }),
      automaticSilentRenew: false,
      monitorSession: false,
      loadUserInfo: false,
      requestTimeoutInSeconds: 10,
    });
    return this.manager;
  }

  private update(next: SessionSnapshot): void {
    this.snapshot = next.storageBlocked === undefined ? { ...next, storageBlocked: this.snapshot.storageBlocked } : next;
    for (const listener of this.listeners) listener(this.snapshot);
  }
}
