/**
 * One JSON line per event on stdout. Only what operations need: never a
 * token, a cookie, a session id, a name, a subject or a Kassenzeichen. Paths
 * are logged as their route template (`/api/kassenzeichen/{id}`). A request's
 * lines carry its id, the client's address and the session's pseudonym.
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  /** Works, but not as it should in production (e.g. tokens unsealed in Redis). */
  warn(message: string, fields?: LogFields): void;
  error(message: string, error: unknown, fields?: LogFields): void;
}

export type LogFields = Record<string, string | number | boolean | undefined>;

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const out = (level: string, message: string, fields: LogFields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  return {
    info: (message, fields) => out('info', message, fields),
    warn: (message, fields) => out('warn', message, fields),
    error: (message, error, fields) => out('error', message, { ...fields, error: describe(error) }),
  };
}

/** A logger that adds `fields()` (read at each line: they may change, e.g. the session once it is known) to every line. */
export function withFields(log: Logger, fields: () => LogFields): Logger {
  return {
    info: (message, more) => log.info(message, { ...fields(), ...more }),
    warn: (message, more) => log.warn(message, { ...fields(), ...more }),
    error: (message, error, more) => log.error(message, error, { ...fields(), ...more }),
  };
}

/** An error's kind, never its message: messages of HTTP libraries may quote what was sent. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
