import { bearer, type RequestAuthorization } from '../api/client.js';
import { finishCodeExchange, sweepAbandonedSignIns, usedStates } from './callback.js';
import {
  beginCodeExchange,
  isOwnCallback,
  onRedirectPath,
  STATE_PREFIX,
  type CallbackEnd,
  type CodeExchange,
  type SignInData,
} from './code-exchange.js';
import { IdleLimit, passwordNext, revocationRefused, sessionEnd } from './idle-limit.js';
import { isSigninCallback, safeReturnUrl, withoutCallbackParams } from './callback-url.js';
import type { BrowserLoginConfig } from './login-config.js';
import { sessionKey } from './login-config.js';
import type { IdTokenExpectations } from './id-token.js';
import { signOutAtProvider, withoutSignOutState } from './provider-sign-out.js';
import { renewWithRefreshToken } from './refresh.js';
import { OidcRuntime, type OidcReady } from './oidc-runtime.js';
import { newHolderId, SignInHolder } from './sign-in-holder.js';
import type { AuthSession, SessionSnapshot, SignedOutReason } from './session.js';
import { SessionBase, WARNING_BEFORE_END_MS, type TabMessage } from './session-base.js';
import { msLeft, parseStoredUser, serialiseUser, type StoredUser } from './stored-user.js';
import { nameClaimsFromUserInfo, nameOf } from './user-name.js';
import { storageIsFull, usableStorage } from './safe-storage.js';
import { UserStore } from './user-store.js';
import { markSignedOut, RENEW_AHEAD_MS, signedOutSince, userKeys } from './signed-out-probe.js';

export type { AuthSession, SessionFailure, SessionSnapshot, SessionStatus, SignedOutReason } from './session.js';

/**
 * The session behind one authority and client on a page. The first view comes
 * from what the page already has: no stored sign-in shows the sign-in button at
 * once, a valid stored one is signed in at once. The protocol module
 * (oauth4webapi) and the provider's discovery document are loaded only when
 * needed (sign-in, renewal, sign-out).
 */
export class OidcAuthSession extends SessionBase implements AuthSession {
  readonly key: string;
  private readonly users: UserStore;
  private readonly runtime: OidcRuntime;
  private readonly idle: IdleLimit;
  private readonly holder: SignInHolder;
  private lastToken?: string;
  private renewing?: Promise<string | null>;
  private storageBlocked = false;
  private browserUnsupported = false;
  private storageFull = false;

  constructor(
    private readonly config: BrowserLoginConfig,
    /** The code exchange the first file began on the way back (session-head.ts), not to be begun twice. */
    private readonly begun?: CodeExchange | CallbackEnd,
  ) {
    super();
    this.key = sessionKey(config);
    // Under the widgets' own prefix; sign-ins kept by versions on oidc-client-ts (`oidc.`) are taken over.
    const { key, legacyKey, idleKey } = userKeys(config);
    this.users = new UserStore(key, config.tokenStorage === 'session', legacyKey);
    this.runtime = new OidcRuntime(config);
    const deadlines = new UserStore(idleKey, config.tokenStorage === 'session');
    this.idle = new IdleLimit(deadlines, config.idleTimeout * 1000);
    this.holder = new SignInHolder(this.key);
  }

  noteActivity(): void {
    if (this.snapshot.status !== 'signed-in') return;
    const now = Date.now();
    if (this.idle.passed(now)) return void this.track(this.expire());
    if (!this.idle.touch(now) && !this.snapshot.expiring) return;
    const user = this.storedUser();
    if (!user) return;
    this.applyUser(user);
    // Active near the token's end: renewed now, so the next request does not wait.
    if (user.refresh_token && msLeft(user, now) <= RENEW_AHEAD_MS) void this.renew();
  }

  /** After a passing failure: asks the provider again; when it answers, the citizen is where they were before. */
  retry(): Promise<void> {
    if (this.snapshot.status !== 'failed' || this.snapshot.retrying) return this.start();
    this.update({ ...this.snapshot, retrying: true });
    this.runtime.reset();
    return this.track(
      (async () => {
        if (await this.ready()) await this.restore();
      })(),
    );
  }

  signIn(): Promise<void> {
    if (this.snapshot.redirecting) return Promise.resolve();
    this.update({ ...this.snapshot, redirecting: true });
    return this.track(this.redirectToProvider());
  }

  prepareSignIn(): void {
    if (this.snapshot.status !== 'signed-out' || this.snapshot.redirecting) return;
    // A failure now is neither kept nor told: the click asks again and shows what it meets.
    this.runtime.prepare();
  }

  private async redirectToProvider(): Promise<void> {
    const ready = await this.ready();
    if (!ready) return;
    const returnTo = withoutCallbackParams(new URL(location.href)).href;
    try {
      const prompt = passwordNext.required(this.key) ? 'login' : undefined;
      const data: SignInData = { returnTo, ...(prompt && { passwordAsked: true }) };
      const { config } = this;
      const { url, state, record } = await ready.oidc.authorizationRequest(ready.metadata, this.runtime.settings, {
        redirectUri: config.redirectUri,
        scope: config.scope,
        data,
        prompt,
        maxAge: config.maxAge,
        resource: config.resource,
        extra: config.idpHint ? { kc_idp_hint: config.idpHint } : undefined,
      });
      // The tab's own storage (OidcRuntime.stateStorage): without it the way back cannot find the sign-in (said at start).
      OidcRuntime.stateStorage()?.setItem(STATE_PREFIX + state, JSON.stringify(record));
      location.assign(url.href);
    } catch {
      this.update({ status: 'signed-out', reason: 'sign-in-failed' });
    }
  }

  async signOut(): Promise<void> {
    const user = this.storedUser();
    // Before anything else: a tab that is loading now, or a copy of this tab, must find it when it looks.
    markSignedOut(this.config, Date.now());
    await this.endLocally('user');
    // The other tabs end now, not when the provider has answered the revocation.
    this.channel?.postMessage({ type: 'signed-out', key: this.key });
    // A shared computer: the provider's own session may outlive this one, so the next sign-in asks for the password.
    passwordNext.require(this.key);
    await this.revoke(user);
    const endpoint = (await this.runtime.providerMetadata())?.end_session_endpoint;
    // Unreachable provider or none to tell: signed out here all the same.
    if (!endpoint) return;
    const fields = { client_id: this.config.clientId, post_logout_redirect_uri: this.config.postLogoutRedirectUri };
    signOutAtProvider(endpoint, user?.id_token ? { ...fields, id_token_hint: user.id_token } : fields, this.config.signOutMethod);
  }

  async getAccessToken(): Promise<string | null> {
    await this.start();
    const user = this.storedUser();
    if (!user) return null;
    const left = msLeft(user, Date.now());
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
        this.idle.restart(Date.now());
        if (this.storedUser()?.refresh_token && (await this.renew())) return;
        await this.signIn();
      })(),
    );
  }

  override dispose(): void {
    super.dispose();
    this.holder.release();
  }

  protected returnedFromCache(): void {
    void this.restore();
  }

  protected async initialise(): Promise<void> {
    // Known before any click: without web storage the sign-in state cannot survive the redirect.
    const stateStorage = OidcRuntime.stateStorage();
    const url = new URL(location.href);
    // Also the localStorage an earlier version kept them in.
    for (const kind of ['session', 'local'] as const)
      sweepAbandonedSignIns(usableStorage(kind), Math.floor(Date.now() / 1000), url.searchParams.get('state'));
    this.storageBlocked = !stateStorage;
    this.storageFull = this.storageBlocked && storageIsFull();
    this.browserUnsupported = !globalThis.crypto?.subtle;
    this.listenToPage((message) => this.fromOtherTab(message));
    if (this.begun || (onRedirectPath(this.config.redirectUri, url) && isOwnCallback(url, stateStorage)))
      return this.completeCallback(url, stateStorage!);
    if (isSigninCallback(url) && usedStates.includes(this.usedState(url))) return this.staleCallback(url);
    // Back from a sign-out by GET (sign-out-method="get"): the state it sent leaves the address.
    const signedOut = withoutSignOutState(url);
    if (signedOut) history.replaceState(history.state, '', signedOut.href);
    // Anything else – no callback, or another app's parameters – is left as it is.
    return this.restore();
  }

  /** A finished sign-in's state as this login keeps it: another login on the page does not take it for its own. */
  private usedState(url: URL): string {
    return `${this.key} ${url.searchParams.get('state')}`;
  }

  /** The protocol module with the provider's configuration; a failure becomes the session's state. */
  private async ready(): Promise<Extract<OidcReady, { ok: true }> | undefined> {
    const ready: OidcReady = await this.runtime.ready();
    if (ready.ok) return ready;
    this.update({ status: 'failed', failure: ready.failure, reportedIssuer: ready.reportedIssuer });
    return undefined;
  }

  /**
   * The way back from the provider without the protocol module: the token exchange
   * follows the page and the script directly (begun by the first file, when it could). The name, when only userinfo has
   * it, is asked for beside the first data calls – unless the citizen goes on
   * to another page, which shall know the name.
   */
  private async completeCallback(url: URL, stateStorage: Storage): Promise<void> {
    const expected = {
      authority: this.config.authority,
      clientId: this.config.clientId,
      maxAge: this.config.maxAge,
      resource: this.config.resource,
    };
    const metadata = this.begun ? undefined : await this.runtime.providerMetadata();
    const begun = this.begun ?? (metadata ? beginCodeExchange(url, expected, metadata, stateStorage) : undefined);
    // Another login's answer: this one starts as if the address were none.
    if (begun?.kind === 'foreign') return this.restore();
    usedStates.add(this.usedState(url));
    const result = begun ? await finishCodeExchange(begun, expected) : ({ kind: 'failed', reason: 'error' } as const);
    if (result.kind === 'stale') return this.staleCallback(url);
    if (result.kind !== 'signed-in') {
      // The sentence is shown here, on the callback page.
      this.update({ status: 'signed-out', reason: result.kind === 'cancelled' ? 'cancelled' : 'sign-in-failed' });
      return void history.replaceState(history.state, '', withoutCallbackParams(url).href);
    }
    // A sign-in goes on to where the citizen started.
    const { user } = result;
    const returnTo = safeReturnUrl(result.returnTo, url);
    const staying = returnTo.origin === url.origin && returnTo.pathname === url.pathname;
    this.idle.restart(Date.now());
    passwordNext.done(this.key);
    user.holder = newHolderId();
    user.signed_in_at = Date.now();
    const naming = this.addNameFromUserInfo(user);
    if (!staying) await naming;
    this.users.write(serialiseUser(user));
    this.applyUser(user);
    if (staying) void this.track(naming.then((named) => named && this.keepUser(user)));
    this.leaveCallbackUrl(url, returnTo);
  }

  /** A reloaded address of a finished sign-in: the sentence for it, or the session that followed. */
  private staleCallback(url: URL): void {
    const stored = this.storedUser();
    history.replaceState(history.state, '', withoutCallbackParams(url).href);
    if (stored && this.endedElsewhere(stored)) return void this.track(this.endLocally('other-tab'));
    if (stored && msLeft(stored, Date.now()) > 0) this.applyUser(stored);
    else this.update({ status: 'signed-out', reason: 'stale-callback' });
  }

  /** A stored sign-in that a sign-out in another tab has ended since – one this tab did not hear of (signed-out-probe.ts). */
  private endedElsewhere(user: StoredUser): boolean {
    return this.config.tokenStorage === 'session' && signedOutSince(this.config, user.signed_in_at);
  }

  private leaveCallbackUrl(current: URL, returnTo: URL): void {
    if (returnTo.origin === current.origin && returnTo.pathname === current.pathname) {
      history.replaceState(history.state, '', returnTo.href);
    } else {
      history.replaceState(history.state, '', withoutCallbackParams(current).href);
      location.assign(returnTo.href);
    }
  }

  /** The first view from what the page has: no network unless a stored sign-in needs renewing. */
  private async restore(): Promise<void> {
    const user = this.storedUser();
    // Nothing of it is used, not even to revoke: the tab that signed out did.
    if (user && this.endedElsewhere(user)) return this.endLocally('other-tab');
    // Past the idle limit nothing is renewed, however recent the token.
    if (user && this.idle.passed(Date.now())) return this.expire();
    if (user && msLeft(user, Date.now()) > 0) return this.applyUser(user);
    if (user?.refresh_token && (await this.renew())) return;
    if (user) await this.expire();
    else this.update({ status: 'signed-out', reason: undefined });
    if (this.snapshot.status === 'signed-out') this.runtime.preloadWhenIdle();
  }

  /** Asked once at sign-in, only when the ID token has no name; `true` when a name came. A failure just leaves the name out. */
  private async addNameFromUserInfo(user: StoredUser): Promise<boolean> {
    if (nameOf(user.profile)) return false;
    try {
      const endpoint = (await this.runtime.providerMetadata())?.userinfo_endpoint;
      if (!endpoint) return false;
      Object.assign(user.profile, await nameClaimsFromUserInfo(endpoint, user.access_token, user.profile.sub));
      return !!nameOf(user.profile);
    } catch {
      return false; // No userinfo endpoint or no answer: signed in without a name.
    }
  }

  /** The user, stored and shown, if the session still holds the same sign-in. */
  private keepUser(user: StoredUser): void {
    if (this.storedUser()?.access_token !== user.access_token) return;
    this.users.write(serialiseUser(user));
    this.applyUser(user);
  }

  private async renewOnce(): Promise<string | null> {
    const attempt = async () => {
      // Re-read inside the lock: another tab may have renewed already.
      const stored = this.storedUser();
      if (!stored?.refresh_token || this.idle.passed(Date.now())) return null;
      if (msLeft(stored, Date.now()) > RENEW_AHEAD_MS && stored.access_token !== this.lastToken) return stored;
      // A copy of this sign-in in another tab (a duplicated tab): only the tab that holds it presents the refresh token.
      if (!(await this.holdsSignIn(stored))) return null;
      const ready = await this.ready();
      if (!ready) return null;
      const answer = (refreshToken: string) =>
        ready.oidc.refresh(ready.metadata, this.runtime.settings, refreshToken, {
          resource: this.config.resource,
          clockOffsetSeconds: stored.clock_offset,
        });
      return renewWithRefreshToken(answer, stored, () => this.renewedIdTokenExpectations()).catch(() => null);
    };
    // One renewal at a time across tabs: a rotating refresh token is used once.
    const user = navigator.locks ? await navigator.locks.request(`buergerportal-renew ${this.key}`, attempt) : await attempt();
    if (!user) {
      if (this.snapshot.status !== 'failed') await this.expire();
      return null;
    }
    // Ended while the provider answered (a sign-out in this or another tab): nothing of the renewal is kept, its token is revoked.
    if (!this.storedUser() || this.endedElsewhere(user)) {
      await this.revoke(user);
      return null;
    }
    this.users.write(serialiseUser(user));
    this.applyUser(user);
    return user.access_token;
  }

  /** What a renewed ID token must show: this provider's issuer, this client, now. */
  private async renewedIdTokenExpectations(): Promise<IdTokenExpectations | undefined> {
    const issuer = (await this.runtime.providerMetadata())?.issuer;
    return issuer ? { issuer, clientId: this.config.clientId, now: Math.floor(Date.now() / 1000) } : undefined;
  }

  /**
   * Whether this page may present the stored refresh token: it holds this
   * copy of the sign-in (memory mode has no copies). A copy found in a
   * duplicated tab lets go of the refresh token at once and lives on with its
   * access token.
   */
  private async holdsSignIn(user: StoredUser): Promise<boolean> {
    if (this.config.tokenStorage === 'memory' || !user.holder || user.copy) return !user.copy;
    if (await this.holder.holds(user.holder)) return true;
    const current = this.storedUser();
    if (current?.holder === user.holder) {
      this.users.write(serialiseUser({ ...current, refresh_token: undefined, copy: true, holder: newHolderId() }));
      if (this.snapshot.status === 'signed-in') this.applyUser(this.storedUser()!);
    }
    return false;
  }

  private applyUser(user: StoredUser): void {
    // The signed-in citizen changes only by a sign-in, never by what a renewal or the storage brings.
    if (this.snapshot.status === 'signed-in' && this.snapshot.subject !== user.profile.sub)
      return void this.track(this.endLocally('sign-in-failed'));
    this.lastToken = user.access_token;
    if (user.holder && this.config.tokenStorage === 'session') void this.holdsSignIn(user);
    const now = Date.now();
    const tokenEnd = user.expires_at ? user.expires_at * 1000 : undefined;
    const end = sessionEnd(this.idle.ensure(now), tokenEnd, !!user.refresh_token);
    this.update({
      status: 'signed-in',
      displayName: nameOf(user.profile) || undefined,
      subject: user.profile.sub,
      expiresAt: end,
      expiring: end - now <= WARNING_BEFORE_END_MS,
    });
    this.scheduleEnd(end);
  }

  private scheduleEnd(end: number): void {
    this.scheduleTimers(
      end,
      () => this.update({ ...this.snapshot, expiring: true }),
      () => void this.track(this.reachEnd()),
    );
  }

  /** The end has come – unless activity moved the deadline meanwhile, or a renewal can carry an expired token on. */
  private async reachEnd(): Promise<void> {
    const user = this.storedUser();
    if (user && !this.idle.passed(Date.now()) && (user.refresh_token || msLeft(user, Date.now()) > 0)) return this.applyUser(user);
    await this.expire();
  }

  /**
   * Ended by time: nothing stays behind for the next person at this
   * computer – the refresh token is revoked, and the next sign-in asks for
   * the password again (the provider's own session may still be alive).
   */
  private async expire(): Promise<void> {
    const user = this.storedUser();
    // A duplicated tab's copy ends with its access token; the sign-in goes on in the tab it came from.
    if (user?.copy) return this.endLocally('copied');
    await this.endLocally('expired');
    passwordNext.require(this.key);
    await this.revoke(user);
  }

  private async revoke(user: StoredUser | null): Promise<void> {
    if (!user?.refresh_token) return;
    const ready = await this.runtime.ready();
    // Unreachable: the token expires at the provider in its own time.
    const refused = ready.ok
      ? await ready.oidc.revoke(ready.metadata, this.runtime.settings, user.refresh_token).catch(() => undefined)
      : undefined;
    if (refused) console.warn(revocationRefused(refused));
  }

  private async endLocally(reason: SignedOutReason): Promise<void> {
    this.clearTimers();
    this.holder.release();
    this.users.remove();
    this.idle.clear();
    this.update({ status: 'signed-out', reason });
  }

  /** The only message of other tabs that browser mode reads: a content-free „signed out“. Nothing else is ever taken from a message. */
  private fromOtherTab(message: TabMessage): void {
    if (message.type === 'signed-out' && message.key === this.key && this.snapshot.status === 'signed-in')
      void this.endLocally('other-tab');
  }

  private storedUser(): StoredUser | null {
    return parseStoredUser(this.users.read());
  }

  private update(next: SessionSnapshot): void {
    const storageBlocked = this.storageBlocked;
    const flags = { ...(storageBlocked && { storageBlocked }), ...(this.storageFull && { storageFull: true }) };
    this.publish({ ...next, ...flags, ...(this.browserUnsupported && { browserUnsupported: true }) });
  }
}
