import type { RequestAuthorization } from '../api/client.js';
import type { SessionSnapshot } from '../session-types.js';

export {
  isPassingFailure,
  WARNING_BEFORE_END_MS,
  type SessionFailure,
  type SessionSnapshot,
  type SessionStatus,
  type SignedOutReason,
} from '../session-types.js';

/* What the elements know of a sign-in session; implemented by OidcAuthSession (browser mode) and BffAuthSession (BFF mode). */

/** What the elements need of a sign-in session. */
export interface AuthSession {
  readonly key: string;
  readonly snapshot: SessionSnapshot;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Loads the provider's configuration, completes a sign-in callback or restores the stored user. Idempotent. */
  start(): Promise<void>;
  signIn(): Promise<void>;
  /**
   * The citizen points at, touches or focuses the sign-in button: what the
   * click needs (browser mode: the protocol file and the discovery document)
   * is fetched now, so that the click goes straight to the provider. Shows
   * nothing; a failure is left for the click to meet.
   */
  prepareSignIn(): void;
  signOut(): Promise<void>;
  /** A valid access token, renewed first when it is about to expire; `null` when signed out. */
  getAccessToken(): Promise<string | null>;
  /** How the API client authorises its requests with this session. */
  requestAuthorization(): RequestAuthorization;
  /** Renews now (refresh token); `null` and signed out when that fails. */
  renew(): Promise<string | null>;
  /** The citizen asked to stay signed in: renew, or sign in again when renewal is impossible. */
  extend(): Promise<void>;
  /** The citizen typed or clicked in an element: the idle limit starts anew. */
  noteActivity(): void;
  /** Resolves when nothing the session does is under way any more (start, renewal, extension). */
  settled(): Promise<void>;
  /** After a passing failure: tries to reach the provider again. */
  retry(): Promise<void>;
  /** Stops listening to other tabs and timers (the page keeps its stored sign-in). */
  dispose(): void;
}
