import { keepMetadata, keptMetadata, signInStateStorage, type ProviderMetadata } from './code-exchange.js';
import type { BrowserLoginConfig } from './login-config.js';
import type { SessionFailure } from './session.js';

type OidcModule = typeof import('./oidc.js');
type ProviderConfiguration = import('./oidc.js').ProviderConfiguration;

/**
 * The protocol module (oauth4webapi, its own file) and the provider's
 * discovery document, fetched only when needed – a click on sign-in, a
 * renewal, sign-out – never for the first view. The discovery document is kept
 * for the tab, so that the way back from the provider goes straight to the
 * token exchange.
 */
export type OidcReady =
  | { ok: true; oidc: OidcModule; metadata: ProviderConfiguration }
  | { ok: false; failure: SessionFailure; reportedIssuer?: string; detail?: string };

/** The protocol file: one import site, so that the main file names it once. */
const importOidc = (): Promise<OidcModule> => import('./oidc.js');

export class OidcRuntime {
  private loading?: Promise<OidcReady>;
  /** Loads whose failure the console has heard of. */
  private readonly told = new WeakSet<Promise<OidcReady>>();

  constructor(private readonly config: BrowserLoginConfig) {}

  /** Module and configuration, once both are there; a failure is kept for a {@link reset}, and told in the console once. */
  async ready(): Promise<OidcReady> {
    const loading = (this.loading ??= this.load());
    const ready = await loading;
    if (!ready.ok && !this.told.has(loading)) {
      this.told.add(loading);
      this.tell(ready);
    }
    return ready;
  }

  /**
   * The citizen's intent (pointing at or focusing the button): the same as
   * {@link ready}, but a failure is neither told nor kept – the click asks
   * again and tells what it meets, so each attempt the citizen makes is one line.
   */
  prepare(): void {
    const loading = (this.loading ??= this.load());
    void loading.then((ready) => {
      if (!ready.ok && this.loading === loading && !this.told.has(loading)) this.loading = undefined;
    });
  }

  /**
   * The protocol file, once the page is idle: a static file of the site,
   * without a word to the provider (its discovery waits for the citizen's
   * intent, {@link ready}). The click then waits for the discovery at most.
   */
  preloadWhenIdle(): void {
    const load = () => void importOidc().catch(() => undefined);
    if ('requestIdleCallback' in globalThis) requestIdleCallback(load, { timeout: 5000 });
    else setTimeout(load, 2000);
  }

  /** After a passing failure: the next {@link ready} tries again. */
  reset(): void {
    this.loading = undefined;
  }

  /** Where the protocol calls go, for this login. */
  get settings(): { authority: string; clientId: string } {
    return { authority: this.config.authority, clientId: this.config.clientId };
  }

  private async load(): Promise<OidcReady> {
    let oidc: OidcModule;
    try {
      oidc = await importOidc();
    } catch {
      return { ok: false, failure: 'module-missing' };
    }
    const cached = keptMetadata(this.config.authority);
    if (cached) return { ok: true, oidc, metadata: cached as ProviderConfiguration };
    const found = await oidc.discover(this.config.authority);
    if (found.ok) {
      keepMetadata(this.config.authority, found.metadata);
      return { ok: true, oidc, metadata: found.metadata };
    }
    return { ok: false, failure: found.failure, reportedIssuer: found.reportedIssuer, detail: found.detail };
  }

  /** Where the sign-in state lives until the citizen is back (see {@link signInStateStorage}). */
  static stateStorage(): Storage | undefined {
    return signInStateStorage();
  }

  /**
   * The provider's configuration for the way back, userinfo, revocation and
   * sign-out: kept from the sign-in click, else discovered (and checked) now.
   */
  async providerMetadata(): Promise<ProviderMetadata | undefined> {
    const cached = keptMetadata(this.config.authority);
    if (cached) return cached;
    const ready = await this.ready();
    return ready.ok ? (ready.metadata as ProviderMetadata) : undefined;
  }

  /** A provider that is down is passing (a warning), anything else is the editor's to fix. */
  private tell(failed: Extract<OidcReady, { ok: false }>): void {
    if (failed.failure === 'module-missing') return;
    const where = `buergerportal-widgets: ${this.discoveryUrl()}`;
    if (failed.failure === 'provider-unreachable') console.warn(`${where}: ${failed.detail}`);
    else if (failed.failure === 'issuer-mismatch')
      console.error(`${where} names the issuer ${failed.reportedIssuer}, not ${this.config.authority}.`);
    else console.error(`${where}: ${failed.detail}`);
  }

  private discoveryUrl(): string {
    return `${this.config.authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  }
}
