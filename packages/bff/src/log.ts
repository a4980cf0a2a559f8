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
    error: (message, error, fields) => out('error', message, { ...fields, ...describe(error) }),
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

/**
 * An error's kind, never its message (messages of HTTP libraries may quote
 * what was sent): its class, its code or its cause's (`TypeError ECONNREFUSED`
 * for a fetch that found nobody), and what an error of ours says about itself.
 */
function describe(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  // node-redis's errors and plain subclasses keep the name `Error`: their class says what they are.
  const name = error.name === 'Error' && error.constructor.name ? error.constructor.name : error.name;
  const code = codeOf(error) ?? codeOf(error.cause);
  const own = isDescribed(error) ? error.logFields() : {};
  return { ...own, error: code ? `${name} ${code}` : name };
}

/** An error that says for the log what failed, in fields free of personal data. */
export interface DescribedError extends Error {
  logFields(): LogFields;
}

function isDescribed(error: Error): error is DescribedError {
  return typeof (error as Partial<DescribedError>).logFields === 'function';
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
