import type { OidcClient, OidcMetadata } from 'oidc-client-ts';
import { STATE_PREFIX, type ProviderMetadata } from './callback.js';
import { discoveryFailure, issuerMatches } from './discovery-failure.js';
import type { BrowserLoginConfig } from './login-config.js';
import { MemoryStorage, usableStorage } from './safe-storage.js';
import type { SessionFailure } from './session.js';

/**
 * oidc-client-ts and the provider's discovery document, fetched only when
 * needed – a click on sign-in, the way back, a renewal, sign-out – never for
 * the first view. The discovery document is kept for the tab, so that the way
 * back from the provider goes straight to the token exchange.
 */
export type OidcReady = { ok: true; client: OidcClient } | { ok: false; failure: SessionFailure; reportedIssuer?: string };

const METADATA_PREFIX = 'buergerportal-widgets.metadata:';

export class OidcRuntime {
  private loading?: Promise<OidcReady>;
  /** No usable web storage for the sign-in state: it cannot survive the redirect. */
  storageBlocked = false;

  constructor(private readonly config: BrowserLoginConfig) {}

  /** The client, once module and discovery are there; a failure is kept for a {@link reset}. */
  ready(): Promise<OidcReady> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** After a passing failure: the next {@link ready} tries again. */
  reset(): void {
    this.loading = undefined;
  }

  private async load(): Promise<OidcReady> {
    let module: typeof import('./oidc.js');
    try {
      module = await import('./oidc.js');
    } catch {
      return { ok: false, failure: 'module-missing' };
    }
    const cached = this.cachedMetadata();
    const client = this.createClient(module, cached);
    if (cached) return { ok: true, client };
    return this.discover(client);
  }

  private createClient({ OidcClient, WebStorageStateStore }: typeof import('./oidc.js'), metadata?: Partial<OidcMetadata>): OidcClient {
    const { config } = this;
    const stateStorage = OidcRuntime.stateStorage();
    this.storageBlocked = !stateStorage;
    return new OidcClient({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      post_logout_redirect_uri: config.postLogoutRedirectUri,
      scope: config.scope,
      response_type: 'code',
      extraQueryParams: config.idpHint ? { kc_idp_hint: config.idpHint } : undefined,
      resource: config.resource,
      // Its own prefix: another app on the site that uses oidc-client-ts keeps its sign-ins apart.
      stateStore: new WebStorageStateStore({ prefix: STATE_PREFIX, store: stateStorage ?? new MemoryStorage() }),
      loadUserInfo: false,
      requestTimeoutInSeconds: 10,
      metadata,
    });
  }

  /** Loads the provider's configuration; a failure is told apart for the citizen or the editor, and logged once. */
  private async discover(client: OidcClient): Promise<OidcReady> {
    const discoveryUrl = this.discoveryUrl();
    try {
      const metadata = await client.metadataService.getMetadata();
      if (!issuerMatches(metadata.issuer, this.config.authority)) {
        console.error(`buergerportal-widgets: ${discoveryUrl} names the issuer ${metadata.issuer}, not ${this.config.authority}.`);
        return { ok: false, failure: 'issuer-mismatch', reportedIssuer: metadata.issuer };
      }
      this.keepMetadata(metadata);
      return { ok: true, client };
    } catch (error) {
      const failure = discoveryFailure(error);
      const detail = `buergerportal-widgets: ${discoveryUrl}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      if (failure === 'provider-unreachable') console.warn(detail);
      else console.error(detail);
      return { ok: false, failure };
    }
  }

  /**
   * Where the sign-in state lives until the citizen is back: the tab's own
   * sessionStorage, which no page in another tab can read or rewrite (a page
   * of the same origin rewrote the way back in localStorage and read the tokens
   * where it led). localStorage only where the tab's storage cannot be used.
   */
  static stateStorage(): Storage | undefined {
    return usableStorage('session') ?? usableStorage('local');
  }

  /**
   * The provider's configuration without oidc-client-ts (the way back,
   * userinfo, revocation, sign-out): kept from the sign-in click, else
   * fetched (and checked) now.
   */
  async providerMetadata(): Promise<ProviderMetadata | undefined> {
    const cached = this.cachedMetadata();
    if (cached?.issuer) return cached as ProviderMetadata;
    try {
      const response = await fetch(this.discoveryUrl(), { credentials: 'omit' });
      const metadata = (await response.json()) as Partial<OidcMetadata>;
      if (!response.ok || !metadata.token_endpoint || !issuerMatches(metadata.issuer, this.config.authority)) return undefined;
      this.keepMetadata(metadata);
      return metadata as ProviderMetadata;
    } catch {
      return undefined;
    }
  }

  private discoveryUrl(): string {
    return `${this.config.authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  }

  /** A kept discovery document of this issuer, with a token endpoint. */
  private cachedMetadata(): Partial<OidcMetadata> | undefined {
    try {
      const raw = usableStorage('session')?.getItem(METADATA_PREFIX + this.config.authority);
      const metadata = raw ? (JSON.parse(raw) as Partial<OidcMetadata>) : undefined;
      if (!metadata || !issuerMatches(metadata.issuer, this.config.authority) || !metadata.token_endpoint) return undefined;
      // Any page of the origin that ran in this tab could have written it: its endpoints must be the provider's own.
      return endpointsOn(new URL(this.config.authority).origin, metadata) ? metadata : undefined;
    } catch {
      return undefined;
    }
  }

  private keepMetadata(metadata: Partial<OidcMetadata>): void {
    try {
      usableStorage('session')?.setItem(METADATA_PREFIX + this.config.authority, JSON.stringify(metadata));
    } catch {
      // Full storage: the next page asks the provider again.
    }
  }
}

const ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'revocation_endpoint', 'end_session_endpoint'] as const;

/** Whether every endpoint a kept discovery document names is on the provider's own origin. */
function endpointsOn(origin: string, metadata: Partial<OidcMetadata>): boolean {
  return ENDPOINTS.every((name) => {
    const value = metadata[name];
    if (value === undefined) return true;
    try {
      return new URL(value).origin === origin;
    } catch {
      return false;
    }
  });
}
