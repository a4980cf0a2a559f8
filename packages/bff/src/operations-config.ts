import { readInteger, type Env } from './config-values.js';

/** Settings for running the BFF in a data centre: what it takes from the backend, how it stops. */
export interface OperationsConfig {
  /** BFF_MAX_BACKEND_ANSWER_BYTES: a larger backend answer is read no further, and the browser gets 502. */
  maxBackendAnswerBytes: number;
  /** BFF_BACKEND_TIMEOUT_SECONDS: a backend answer not complete within this is 504. */
  backendTimeoutSeconds: number;
  /** BFF_SHUTDOWN_SECONDS: after SIGTERM, how long running requests may take before they are cut; at least the backend's time. */
  shutdownSeconds: number;
  /**
   * BFF_SHUTDOWN_NOTICE_SECONDS: after SIGTERM, how long the process still
   * takes new connections while `/health` says 503, so that the balancer sees
   * it and takes the process out before the port closes (part of BFF_SHUTDOWN_SECONDS).
   */
  shutdownNoticeSeconds: number;
  /** BFF_METRICS: where `GET /metrics` is served, a listener of its own; none: no metrics. */
  metrics?: { host: string; port: number };
}

/*
 * The contract's largest answer is a property manager's list of Kassenzeichen
 * (1,000 objects, some 300 KB in the mock): 1 MiB leaves room, and 200 requests at once
 * hold 200 MiB at most.
 */
const DEFAULTS = {
  maxBackendAnswerBytes: 1_048_576,
  backendTimeoutSeconds: 15,
  // The backend's 15 s, and the session's store calls and a renewal's wait before it.
  shutdownSeconds: 20,
  // Two health checks at the README's advice (every 5 s, two failures take it out) need 10 s; 5 s makes one.
  shutdownNoticeSeconds: 5,
} as const;

export function readOperations(env: Env, problems: string[]): OperationsConfig {
  const backendTimeoutSeconds = readInteger(env, 'BFF_BACKEND_TIMEOUT_SECONDS', DEFAULTS.backendTimeoutSeconds, 1, 300, problems);
  const shutdownSeconds = readInteger(env, 'BFF_SHUTDOWN_SECONDS', DEFAULTS.shutdownSeconds, 1, 3600, problems);
  if (shutdownSeconds < backendTimeoutSeconds)
    problems.push(
      `BFF_SHUTDOWN_SECONDS (${shutdownSeconds}) muss mindestens so groß sein wie BFF_BACKEND_TIMEOUT_SECONDS (${backendTimeoutSeconds}): sonst bricht das Beenden Anfragen ab, auf deren Antwort der BFF noch wartet.`,
    );
  return {
    maxBackendAnswerBytes: readInteger(env, 'BFF_MAX_BACKEND_ANSWER_BYTES', DEFAULTS.maxBackendAnswerBytes, 1024, 64 * 1_048_576, problems),
    backendTimeoutSeconds,
    shutdownSeconds,
    shutdownNoticeSeconds: Math.min(
      shutdownSeconds,
      readInteger(env, 'BFF_SHUTDOWN_NOTICE_SECONDS', DEFAULTS.shutdownNoticeSeconds, 0, 600, problems),
    ),
    metrics: readMetricsAddress(env.BFF_METRICS?.trim(), problems),
  };
}

/** The port Prometheus exporters of OpenTelemetry use; on loopback unless an address is named. */
const METRICS_PORT = 9464;
const ADDRESS = /^(?:(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):)?(\d{1,5})$/;

/** `off` (or unset), `on` (127.0.0.1:9464), a port (on 127.0.0.1), or `address:port` (`10.0.0.5:9464`, `[::1]:9464`). */
function readMetricsAddress(text: string | undefined, problems: string[]): OperationsConfig['metrics'] {
  if (!text || text === 'off') return undefined;
  if (text === 'on') return { host: '127.0.0.1', port: METRICS_PORT };
  const [, host = '127.0.0.1', port = ''] = ADDRESS.exec(text) ?? [];
  if (Number(port) >= 1 && Number(port) <= 65_535) return { host: host.replace(/^\[|\]$/g, ''), port: Number(port) };
  problems.push(
    `BFF_METRICS ist „off“, „on“ (127.0.0.1:${METRICS_PORT}), ein Port auf 127.0.0.1 oder Adresse:Port, z. B. 10.0.0.5:${METRICS_PORT}, nicht „${text}“.`,
  );
  return undefined;
}
