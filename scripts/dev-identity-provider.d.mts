import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

export function createDevIdentityProvider(options: {
  issuer: string;
  clientId: string;
  redirectUris: string[];
  accessTokenTtl?: number;
  bff?: { clientId: string; clientSecret: string; publicUrls: string[] };
}): {
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  isIssuedAccessToken: (token: string) => Promise<boolean>;
};
