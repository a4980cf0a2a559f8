import type { OidcClient, RefreshState, User } from 'oidc-client-ts';
import { bearer, type RequestAuthorization } from '../api/client.js';
import { isSigninCallback, safeReturnUrl, withoutCallbackParams } from './callback-url.js';
import { discoveryFailure, issuerMatches } from './discovery-failure.js';
import type { LoginConfig } from './login-config.js';
import { sessionKey } from './login-config.js';
import { MemoryStorage, usableStorage } from './safe-storage.js';
import type { AuthSession, SessionSnapshot, SignedOutReason } from './session.js';
import { nameClaimsFromUserInfo, nameOf } from './user-name.js';
import { UserStore } from './user-store.js';

export type { AuthSession, SessionFailure, SessionSnapshot, SessionStatus, SignedOutReason } from './session.js';

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
  private readonly users: UserStore;
  private lastToken?: string;
  private storageBlocked = false;
  private started?: Promise<void>;
  private renewing?: Promise<string | null>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private warningTimer?: ReturnType<typeof setTimeout>;
  private endTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private channel?: BroadcastChannel;

  constructor(private readonly config: LoginConfig) {
    this.key = sessionKey(config);
    this.users = new UserStore(`oidc.user:${config.authority}:${config.clientId}`, config.tokenStorage === 'session');
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.started ??= this.track(this.initialise());
    return this.started;
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Work under way (start, renewal, extension, sign-out), so that {@link settled} can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  retry(): Promise<void> {
    if (this.snapshot.status !== 'failed' || this.snapshot.retrying) return this.started ?? this.start();
    this.update({ ...this.snapshot, retrying: true });
    this.started = undefined;
    return this.start();
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

  requestAuthorization(): RequestAuthorization {
    return bearer(
      () => this.getAccessToken(),
      () => this.renew(),
    );
  }

  renew(): Promise<string | null> {
    this.renewing ??= this.track(
      this.renewOnce().finally(() => {
        this.renewing = undefined;
      }),
    );
    return this.renewing;
  }

  extend(): Promise<void> {
    return this.track(
      (async () => {
        const user = await this.storedUser();
        if (user?.refresh_token && (await this.renew())) return;
        await this.signIn();
      })(),
    );
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
    if (!(await this.discover(oidc))) return;
    const url = new URL(location.href);
    if (isSigninCallback(url)) await this.completeCallback(oidc, url);
    else await this.restore();
    void oidc.client.clearStaleState().catch(() => undefined);
    addEventListener('pageshow', this.onPageShow);
  }

  /** Loads the provider's configuration; a failure is told apart for the citizen or the editor, and logged once. */
  private async discover({ client }: Oidc): Promise<boolean> {
    const discoveryUrl = `${this.config.authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    try {
      const { issuer } = await client.metadataService.getMetadata();
      if (issuerMatches(issuer, this.config.authority)) return true;
      console.error(`buergerportal-widgets: ${discoveryUrl} names the issuer ${issuer}, not ${this.config.authority}.`);
      this.update({ status: 'failed', failure: 'issuer-mismatch', reportedIssuer: issuer });
    } catch (error) {
      const failure = discoveryFailure(error);
      const detail = `buergerportal-widgets: ${discoveryUrl}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      if (failure === 'provider-unreachable') console.warn(detail);
      else console.error(detail);
      this.update({ status: 'failed', failure });
    }
    return false;
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

  /** Asked once at sign-in, only when the ID token has no name; a failure just leaves the name out. */
  private async addNameFromUserInfo(user: User): Promise<void> {
    if (nameOf(user.profile)) return;
    try {
      const { client } = await this.oidc();
      const endpoint = await client.metadataService.getUserInfoEndpoint();
      Object.assign(user.profile, await nameClaimsFromUserInfo(endpoint, user.access_token, user.profile.sub));
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
    this.users.remove();
    this.update({ status: 'signed-out', reason });
  }

  private listenToOtherTabs(): void {
    if (typeof BroadcastChannel === 'undefined' || this.channel) return;
    this.channel = new BroadcastChannel(CHANNEL_NAME);
    this.channel.addEventListener('message', (event: MessageEvent<{ type?: string; key?: string }>) => {
      if (event.data?.type === 'signed-out' && event.data.key === this.key && this.snapshot.status === 'signed-in') {
        void this.endLocally('other-tab');
      }
    });
  }

  private async storedUser(): Promise<User | null> {
    const { User } = await this.oidc();
    const raw = this.users.read();
    try {
      return raw ? User.fromStorageString(raw) : null;
    } catch {
      return null;
    }
  }

  private storeUser(user: User): void {
    this.users.write(user.toStorageString());
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
        stateStore: new WebStorageStateStore({ store: stateStorage ?? new MemoryStorage() }),
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
