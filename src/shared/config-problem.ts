import { isSecureUrl, parseHttpUrl } from './urls.js';

/** Something a web editor set wrong on an element; shown inside it, not to the console only. */
export type ConfigProblem =
  | { kind: 'missing'; attribute: string }
  | { kind: 'invalid-url'; attribute: string }
  | { kind: 'needs-https'; attribute: string }
  | { kind: 'invalid-value'; attribute: string; allowed: readonly string[] }
  | { kind: 'login-not-found'; id: string }
  /** The citizen's token and entries would go to an origin the page's head does not declare. */
  | { kind: 'undeclared-backend'; attribute: string; origin: string }
  | { kind: 'insecure-page' };

/** Reads a URL attribute: required or optional, https outside loopback. */
export function readUrlAttribute(
  attribute: string,
  value: string | null,
  problems: ConfigProblem[],
  required: boolean,
  pageHostname: string,
): URL | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    if (required) problems.push({ kind: 'missing', attribute });
    return undefined;
  }
  const url = parseHttpUrl(trimmed);
  if (!url) problems.push({ kind: 'invalid-url', attribute });
  else if (!isSecureUrl(url, pageHostname)) {
    problems.push({ kind: 'needs-https', attribute });
  }
  return url;
}

/** Reads an attribute that takes one of a few words; the first is the default. */
export function readChoiceAttribute<T extends string>(
  attribute: string,
  value: string | null,
  allowed: readonly T[],
  problems: ConfigProblem[],
): T {
  const trimmed = value?.trim();
  if (!trimmed) return allowed[0];
  if ((allowed as readonly string[]).includes(trimmed)) return trimmed as T;
  problems.push({ kind: 'invalid-value', attribute, allowed });
  return allowed[0];
}
