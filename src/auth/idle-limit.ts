import { usableStorage } from './safe-storage.js';

export { DEFAULT_IDLE_TIMEOUT_SECONDS } from './login-config.js';
import type { UserStore } from './user-store.js';

/*
 * The session follows the citizen, not the access token: it ends after
 * `idle-timeout` seconds without activity in the elements. The deadline is
 * stored beside the user, so it holds across navigation, reloads and reopened
 * tabs; renewals are refused once it has passed.
 */

/** Activity moves the deadline at most this often (fewer storage writes while typing). */
const TOUCH_EVERY_MS = 5_000;

export class IdleLimit {
  constructor(
    private readonly store: UserStore,
    private readonly idleMs: number,
  ) {}

  deadline(): number | undefined {
    const value = Number(this.store.read());
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }

  /** Moves the deadline to `idleMs` from now; `true` when it moved. */
  touch(now: number): boolean {
    const next = now + this.idleMs;
    const current = this.deadline();
    if (current !== undefined && next - current < TOUCH_EVERY_MS) return false;
    this.store.write(String(next));
    return true;
  }

  /** A new start (a sign-in, „Sitzung verlängern“): the full limit from now. */
  restart(now: number): void {
    this.store.write(String(now + this.idleMs));
  }

  /** The deadline, started now when the session has none yet (a sign-in from before this version). */
  ensure(now: number): number {
    if (this.deadline() === undefined) this.touch(now);
    return this.deadline() ?? now + this.idleMs;
  }

  passed(now: number): boolean {
    const deadline = this.deadline();
    return deadline !== undefined && deadline <= now;
  }

  clear(): void {
    this.store.remove();
  }
}

/**
 * When the session ends unless the citizen acts: at the idle deadline, or
 * earlier when there is no refresh token and the access token runs out.
 */
export function sessionEnd(idleDeadline: number, expiresAt: number | undefined, renewable: boolean): number {
  return renewable || expiresAt === undefined ? idleDeadline : Math.min(idleDeadline, expiresAt);
}

const PROMPT_LOGIN_PREFIX = 'buergerportal-widgets.prompt-login:';

/**
 * After a session ended by time, the provider's own session may still live:
 * on a shared computer the next person would be in the previous citizen's
 * account. The next sign-in from this browser asks for the password again.
 */
export const passwordNext = {
  require(key: string): void {
    try {
      usableStorage('local')?.setItem(PROMPT_LOGIN_PREFIX + key, '1');
    } catch {
      // Storage full: the refresh token is revoked all the same.
    }
  },
  required(key: string): boolean {
    return usableStorage('local')?.getItem(PROMPT_LOGIN_PREFIX + key) === '1';
  },
  done(key: string): void {
    usableStorage('local')?.removeItem(PROMPT_LOGIN_PREFIX + key);
  },
};

/** The editor's sentence for a refused revocation, with the provider's answer (its `error`, never the token). */
export function revocationRefused(refusal: { status: number; error?: string }): string {
  const error = refusal.error ? `, ${refusal.error.slice(0, 80)}` : '';
  return `buergerportal-widgets: Der Anmeldedienst hat den Widerruf des Refresh-Tokens abgelehnt (HTTP ${refusal.status}${error}); es bleibt bis zu seinem Ablauf gültig (Redaktionsleitfaden: „Widerruf“).`;
}
