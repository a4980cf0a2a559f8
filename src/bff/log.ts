/**
 * One JSON line per event on stdout. Only what operations need: never a
 * token, a cookie, a session id, a name, a subject or a Kassenzeichen. Paths
 * are logged as their route template (`/api/kassenzeichen/{id}`).
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

/** An error's kind, never its message: messages of HTTP libraries may quote what was sent. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
