import { readInteger, type Env } from './config-values.js';

/** Settings for running the BFF in a data centre: what it takes from the backend, how it stops. */
export interface OperationsConfig {
  /** BFF_MAX_BACKEND_ANSWER_BYTES: a larger backend answer is read no further, and the browser gets 502. */
  maxBackendAnswerBytes: number;
  /** BFF_BACKEND_TIMEOUT_SECONDS: a backend answer not complete within this is 504. */
  backendTimeoutSeconds: number;
  /** BFF_SHUTDOWN_SECONDS: after SIGTERM, how long running requests may take before they are cut; at least the backend's time. */
  shutdownSeconds: number;
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
  };
}
