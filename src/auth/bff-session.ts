import type { RequestAuthorization } from '../api/client.js';
import { parseHttpUrl } from '../shared/urls.js';
import {
  ANTI_FORGERY,
  BffClient,
  BffError,
  returnAddress,
  signedInHint,
  takeOutcome,
  type SessionInfo,
  type SignInOutcome,
} from './bff-client.js';
import type { BffLoginConfig } from './login-config.js';
import { sessionKey } from './login-config.js';
import type { AuthSession, SignedOutReason } from './session.js';
import { SessionBase, WARNING_BEFORE_END_MS, type TabMessage } from './session-base.js';

/** Activity in the elements tells the BFF at most this often (its idle limit starts anew). */
const TOUCH_EVERY_MS = 60_000;

const REASONS: Partial<Record<SignInOutcome, SignedOutReason>> = { cancelled: 'cancelled', failed: 'sign-in-failed', 'signed-out': 'user' };

/**
 * The session in BFF mode: the backend-for-frontend holds the tokens and the
 * limits; the page holds an HttpOnly cookie it cannot read, and learns only
 * who is signed in and for how long. Signing in is a navigation to the BFF.
 */
export class BffAuthSession extends SessionBase implements AuthSession {
  readonly key: string;
  private readonly bff: BffClient;
  private lastTouch = 0;
  /** Counts local ends (sign-out, expiry): an answer to a request sent before one is stale and ignored. */
  private epoch = 0;

  constructor(
    config: BffLoginConfig,
    /** The first check, already sent by the first file. */
    private earlyAnswer?: Promise<Response>,
  ) {
    super();
    this.key = sessionKey(config);
    this.bff = new BffClient(config.bffUrl);
  }

  retry(): Promise<void> {
    if (this.snapshot.status !== 'failed' || this.snapshot.retrying) return this.start();
    this.publish({ ...this.snapshot, retrying: true });
    return this.track(this.check());
  }

  /** Signing in is one navigation to the BFF: nothing to fetch ahead. */
  prepareSignIn(): void {}

  signIn(): Promise<void> {
    if (this.snapshot.redirecting) return Promise.resolve();
    this.publish({ ...this.snapshot, redirecting: true });
    location.assign(this.bff.signInUrl(returnAddress(location.href), document.documentElement.lang));
    return Promise.resolve();
  }

  signOut(): Promise<void> {
    return this.track(
      (async () => {
        this.endLocally('user');
        this.channel?.postMessage({ type: 'signed-out', key: this.key });
        const answer = await this.bff.signOut(returnAddress(location.href), document.documentElement.lang).catch(() => undefined);
        const next = answer?.redirectTo ? parseHttpUrl(answer.redirectTo) : undefined;
        if (next) location.assign(next.href);
      })(),
    );
  }

  /** Always `null`: in BFF mode no token ever reaches the page. */
  async getAccessToken(): Promise<string | null> {
    return null;
  }

  /** The cookie and the anti-forgery header; after a 401 the BFF is asked whether the session still lives. */
  requestAuthorization(): RequestAuthorization {
    return {
      credentials: 'include',
      headers: async () => {
        // Signed in by the hint: no waiting for the session check.
        if (this.snapshot.status !== 'signed-in') await this.start();
        return this.snapshot.status === 'signed-in' ? { ...ANTI_FORGERY } : null;
      },
      // A session the BFF ended signs out as „abgelaufen“ (check → apply); a BFF that cannot
      // be reached just now leaves the citizen's sentence with „Erneut versuchen“ instead.
      renew: async () => {
        await this.check();
        return this.snapshot.status === 'signed-in';
      },
    };
  }

  /** Asks the BFF again; there is no token to return. */
  async renew(): Promise<string | null> {
    await this.track(this.check());
    return null;
  }

  extend(): Promise<void> {
    return this.track(
      (async () => {
        const epoch = this.epoch;
        const info = await this.bff.extend().catch(() => undefined);
        if (info && epoch === this.epoch) this.apply(info);
        // Signed out meanwhile, or at the absolute limit: only a new sign-in goes on.
        if (!info?.signedIn || info.expiresIn * 1000 <= WARNING_BEFORE_END_MS) await this.signIn();
      })(),
    );
  }

  noteActivity(): void {
    if (this.snapshot.status !== 'signed-in' || Date.now() - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = Date.now();
    const epoch = this.epoch;
    void this.track(
      this.bff
        .extend()
        .then((info) => epoch === this.epoch && this.apply(info))
        .catch(() => undefined),
    );
  }

  protected returnedFromCache(): void {
    void this.track(this.check());
  }

  protected async initialise(): Promise<void> {
    this.listenToPage((message) => this.fromOtherTab(message));
    const outcome = takeOutcome();
    if (outcome === 'unavailable') return this.publish({ status: 'failed', failure: 'provider-unreachable' });
    // Signed in by the BFF's hint: the data requests go out now, the session check beside them.
    const hinted = outcome ? undefined : signedInHint();
    if (hinted) this.publish({ status: 'signed-in', subject: hinted, provisional: true });
    await this.check(outcome ? REASONS[outcome] : undefined);
    if (outcome === 'signed-out' || this.snapshot.status === 'signed-in') this.channel?.postMessage({ type: 'changed', key: this.key });
  }

  /** The BFF's word on the session; `reason` explains a signed-out answer after a sign-in attempt. */
  private async check(reason?: SignedOutReason, options: { keepOnBlip?: boolean } = {}): Promise<void> {
    const epoch = this.epoch;
    try {
      const early = this.earlyAnswer;
      this.earlyAnswer = undefined;
      const info = await this.bff.session(early);
      if (epoch === this.epoch) this.apply(info, reason);
    } catch (error) {
      const problem = error instanceof BffError ? error.problem : 'bff-unreachable';
      // A timed check that meets a blip while signed in ends nothing: the session goes on at the BFF, and the
      // next check or request asks again (after a 401 the citizen's sentence with „Erneut versuchen“ is right).
      if (options.keepOnBlip && problem === 'bff-unreachable' && this.snapshot.status === 'signed-in') return;
      this.publish({ status: 'failed', failure: problem === 'bff-unreachable' ? 'provider-unreachable' : problem });
    }
  }

  private apply(info: SessionInfo, reason?: SignedOutReason): void {
    // Only the first tab to ask hears the BFF say so (its answer clears the cookie): it tells the others.
    if (!info.signedIn && info.reason === 'ended-elsewhere') this.channel?.postMessage({ type: 'ended-elsewhere', key: this.key });
    if (!info.signedIn) return this.endLocally(info.reason ?? reason);
    const end = Date.now() + info.expiresIn * 1000;
    this.publish({
      status: 'signed-in',
      displayName: info.displayName || undefined,
      subject: info.subject,
      expiresAt: end,
      expiring: end - Date.now() <= WARNING_BEFORE_END_MS,
    });
    this.scheduleEnd(end);
  }

  /** Before warning and at the end the BFF is asked again: requests and other tabs may have moved the end. */
  private scheduleEnd(end: number): void {
    const recheck = () => void this.track(this.check('expired', { keepOnBlip: true }));
    // Already within the warning: the check at the end is the next one.
    this.scheduleTimers(end, end - WARNING_BEFORE_END_MS > Date.now() ? recheck : undefined, recheck);
  }

  private endLocally(reason: SignedOutReason | undefined): void {
    // An answer that only repeats that nobody is signed in (the BFF says why once, then the cookie is gone) keeps the sentence.
    if (this.snapshot.status === 'signed-out' && reason === undefined) return;
    if (this.snapshot.status === 'signed-in') this.epoch += 1;
    this.clearTimers();
    const wasSignedIn = this.snapshot.status === 'signed-in';
    this.publish({ status: 'signed-out', reason: reason ?? (wasSignedIn ? 'expired' : undefined) });
  }

  private fromOtherTab(message: TabMessage): void {
    if (message.key !== this.key) return;
    if (message.type === 'signed-out' && this.snapshot.status === 'signed-in') this.endLocally('other-tab');
    if (message.type === 'ended-elsewhere' && this.snapshot.status === 'signed-in') this.endLocally('ended-elsewhere');
    if (message.type === 'changed') void this.track(this.check());
  }
}
