import type { OidcClient, RefreshState, User } from 'oidc-client-ts';
import { isSigninCallback, safeReturnUrl, withoutCallbackParams } from './callback-url.js';
import type { LoginConfig } from './login-config.js';
import { sessionKey } from './login-config.js';
import { MemoryStorage, usableStorage } from './safe-storage.js';

/** Why a session cannot work: its code file is missing next to the script, or the provider's discovery failed. */
export type SessionFailure = 'module-missing' | 'discovery-failed';

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
  /** The sign-in redirect is being prepared: the citizen clicked, the provider's page comes next. */
  redirecting?: boolean;
  /** With `failed`: the provider's discovery document could not be loaded. */
  failure?: SessionFailure;
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

interface Oidc {
  client: OidcClient;
  User: typeof User;
}

export const WARNING_BEFORE_END_MS = 120_000;
const RENEW_AHEAD_MS = 60_000;
const CHANNEL_NAME = 'buergerportal-widgets-auth';

/** The session behind one authority and client on a page, wrapping oidc-client-ts (loaded on first use). */
export class OidcAuthSession implements AuthSession {
  readonly key: string;
  snapshot: SessionSnapshot = { status: 'starting' };
  private loading?: Promise<Oidc>;
  private storage?: Storage;
  private readonly memory = new MemoryStorage();
  private readonly userKey: string;
  private lastToken?: string;
  private storageBlocked = false;
  private started?: Promise<void>;
  private renewing?: Promise<string | null>;
  private warningTimer?: ReturnType<typeof setTimeout>;
  private endTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private channel?: BroadcastChannel;

  constructor(private readonly config: LoginConfig) {
    this.key = sessionKey(config);
    // The key oidc-client-ts's UserManager would use, so stored sign-ins stay readable.
    this.userKey = `oidc.user:${config.authority}:${config.clientId}`;
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
    if (this.snapshot.redirecting) return;
    this.update({ ...this.snapshot, redirecting: true });
    const { client } = await this.oidc();
    const returnTo = withoutCallbackParams(new URL(location.href)).href;
    try {
      const request = await client.createSigninRequest({ state: { returnTo } });
      location.assign(request.url);
    } catch {
      this.update({ status: 'signed-out', reason: 'sign-in-failed' });
    }
  }

  async signOut(): Promise<void> {
    const { client } = await this.oidc();
    const user = await this.storedUser();
    await this.endLocally('user');
    this.channel?.postMessage({ type: 'signed-out', key: this.key });
    try {
      const metadata = await client.metadataService.getMetadata();
      if (!metadata.end_session_endpoint) return;
      const request = await client.createSignoutRequest({ id_token_hint: user?.id_token });
      location.assign(request.url);
    } catch {
      // The provider is unreachable: the local session is gone all the same.
    }
  }

  async getAccessToken(): Promise<string | null> {
    await this.start();
    const user = await this.storedUser();
    if (!user) return null;
    const left = (user.expires_at ?? 0) * 1000 - Date.now();
    // Renew ahead of the end; without a refresh token use the token while it lasts.
    if (left > RENEW_AHEAD_MS || (!user.refresh_token && left > 0)) return user.access_token;
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
    let oidc: Oidc;
    try {
      oidc = await this.oidc();
    } catch {
      this.loading = undefined;
      this.update({ status: 'failed', failure: 'module-missing' });
      return;
    }
    try {
      await oidc.client.metadataService.getMetadata();
    } catch {
      this.update({ status: 'failed', failure: 'discovery-failed' });
      return;
    }
    const url = new URL(location.href);
    if (isSigninCallback(url)) await this.completeCallback(oidc, url);
    else await this.restore();
    void oidc.client.clearStaleState().catch(() => undefined);
    addEventListener('pageshow', this.onPageShow);
  }

  private async completeCallback({ client, User }: Oidc, url: URL): Promise<void> {
    const cancelled = url.searchParams.get('error') === 'access_denied';
    let returnTo = withoutCallbackParams(url);
    try {
      const response = await client.processSigninResponse(url.href);
      const user = new User({ ...response, session_state: response.session_state ?? null });
      await this.addNameFromUserInfo(user);
      returnTo = safeReturnUrl((response.userState as { returnTo?: unknown } | undefined)?.returnTo, url);
      this.storeUser(user);
      this.applyUser(user);
    } catch {
      // A reloaded or repeated callback ("No matching state found") or a refusal.
      const stored = await this.storedUser();
      if (stored && !stored.expired) this.applyUser(stored);
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

  /**
   * Many providers (oidc-provider's defaults among them) put the name only into
   * userinfo. Asked once at sign-in, only when the ID token has none; a failure
   * just leaves the name out.
   */
  private async addNameFromUserInfo(user: User): Promise<void> {
    if (nameOf(user.profile)) return;
    try {
      const { client } = await this.oidc();
      const endpoint = await client.metadataService.getUserInfoEndpoint();
      const response = await fetch(endpoint, { headers: { Authorization: `Bearer ${user.access_token}` }, credentials: 'omit' });
      const claims = (await response.json()) as Record<string, unknown>;
      // OpenID Connect Core 5.3.2: the answer must be about the same person.
      if (!response.ok || claims.sub !== user.profile.sub) return;
      const pick = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
      Object.assign(user.profile, {
        name: pick('name'),
        given_name: pick('given_name'),
        family_name: pick('family_name'),
        preferred_username: pick('preferred_username'),
      });
    } catch {
      // No userinfo endpoint or no answer: signed in without a name.
    }
  }

  private async renewOnce(): Promise<string | null> {
    const attempt = async () => {
      // Re-read inside the lock: another tab may have renewed already.
      const stored = await this.storedUser();
      if (!stored?.refresh_token) return null;
      if ((stored.expires_at ?? 0) * 1000 - Date.now() > RENEW_AHEAD_MS && stored.access_token !== this.lastToken) return stored;
      return this.refresh(stored).catch(() => null);
    };
    // One renewal at a time across tabs: a rotating refresh token is used once.
    const user = navigator.locks ? await navigator.locks.request(`buergerportal-renew ${this.key}`, attempt) : await attempt();
    if (!user) {
      await this.endLocally('expired');
      return null;
    }
    this.storeUser(user);
    this.applyUser(user);
    return user.access_token;
  }

  private async refresh(stored: User): Promise<User> {
    const { client, User } = await this.oidc();
    const { refresh_token, id_token, session_state, scope, profile } = stored;
    // RefreshState is a plain record that oidc-client-ts does not export at run time.
    const state = { refresh_token: refresh_token!, id_token, session_state, scope, profile } as RefreshState;
    const response = await client.useRefreshToken({ state });
    return new User({
      ...response,
      session_state: response.session_state ?? session_state,
      id_token: response.id_token ?? id_token,
      refresh_token: response.refresh_token ?? refresh_token,
      // A new ID token may carry fewer claims (the name came from userinfo): keep what we had.
      profile: { ...profile, ...response.profile },
    });
  }

  private applyUser(user: User): void {
    this.lastToken = user.access_token;
    const profile = user.profile;
    const name = nameOf(profile);
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
    this.removeUser();
    this.update({ status: 'signed-out', reason });
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
    const { User } = await this.oidc();
    const raw = this.userStorage().getItem(this.userKey);
    try {
      return raw ? User.fromStorageString(raw) : null;
    } catch {
      return null;
    }
  }

  private storeUser(user: User): void {
    try {
      this.userStorage().setItem(this.userKey, user.toStorageString());
    } catch {
      // Quota exceeded: the session lives on in this page only.
      this.memory.setItem(this.userKey, user.toStorageString());
      this.storage = this.memory;
    }
  }

  private removeUser(): void {
    this.userStorage().removeItem(this.userKey);
  }

  private userStorage(): Storage {
    this.storage ??= (this.config.tokenStorage === 'session' && usableStorage('session')) || this.memory;
    return this.storage;
  }

  /** oidc-client-ts, loaded on first use so that the first view does not wait for it. */
  private oidc(): Promise<Oidc> {
    this.loading ??= import('./oidc.js').then(({ OidcClient, WebStorageStateStore, User }) => {
      const { config } = this;
      const stateStorage = usableStorage('local') ?? usableStorage('session');
      this.storageBlocked = !stateStorage;
      const client = new OidcClient({
        authority: config.authority,
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        post_logout_redirect_uri: config.postLogoutRedirectUri,
        scope: config.scope,
        response_type: 'code',
        extraQueryParams: config.idpHint ? { kc_idp_hint: config.idpHint } : undefined,
        stateStore: new WebStorageStateStore({ store: stateStorage ?? this.memory }),
        loadUserInfo: false,
        requestTimeoutInSeconds: 10,
      });
      return { client, User };
    });
    return this.loading;
  }

  private update(next: SessionSnapshot): void {
    this.snapshot = this.storageBlocked ? { ...next, storageBlocked: true } : next;
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

/** The citizen's name for display: `name`, else given and family name, else the user name. */
function nameOf(profile: User['profile']): string | undefined {
  return profile.name ?? ([profile.given_name, profile.family_name].filter(Boolean).join(' ') || profile.preferred_username) ?? undefined;
}
