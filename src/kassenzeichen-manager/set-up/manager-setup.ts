import { createApiClient, type KassenzeichenApi } from '../../api/client.js';
import type { ProviderId } from '../../auth/login-config.js';
import type { AuthSession } from '../../auth/session.js';
import type { ConfigProblem } from '../../shared/config-problem.js';
import { configReader } from '../../shared/config-reader.js';
import { declaredBackends } from '../../shared/declared-backends.js';
import { readManagerConfig, type ManagerConfig } from './manager-config.js';
import { findSession } from './session-source.js';
import { withEarlyOverview } from './early-overview.js';

/** What a manager is set up with: its checked configuration, its session and API client, or what is wrong. */
export interface ManagerSetup {
  config?: ManagerConfig;
  /** What is set wrong (described for the editor when rendering); empty when all is well. */
  problems: ConfigProblem[];
  session?: AuthSession;
  api?: KassenzeichenApi;
  provider: ProviderId;
  /** The sign-in service's address, for the editor's messages. */
  authority: string;
  /** The origins the element talks to, for the CSP watch. */
  origins: string[];
}

/** Reads the manager's configuration (properties first) and finds its session; the API client authorises as the session says. */
export function setUpManager(manager: HTMLElement): ManagerSetup {
  const source = findSession(manager);
  const bffUrl = source.config?.mode === 'bff' ? source.config.bffUrl : undefined;
  const own = readManagerConfig(configReader(manager), location.href, bffUrl, declaredBackends(document));
  const problems = [...own.problems, ...source.problems];
  const config = problems.length === 0 ? own.config : undefined;
  const session = config ? source.session : undefined;
  const authority = source.config?.authority ?? '';
  return {
    config,
    problems,
    session,
    api:
      session && config
        ? withEarlyOverview(
            manager,
            session,
            createApiClient({ baseUrl: config.backendUrl, authorization: session.requestAuthorization() }),
          )
        : undefined,
    provider: source.config?.provider ?? 'servicekonto-nrw',
    authority,
    origins: [config?.backendUrl, authority].filter((url): url is string => !!url).map((url) => new URL(url).origin),
  };
}
