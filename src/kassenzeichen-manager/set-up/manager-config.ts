import { readChoiceAttribute, readUrlAttribute, type ConfigProblem } from '../../shared/config-problem.js';
import { isAllowedBackend } from '../../shared/declared-backends.js';
import { DEFAULT_KASSENZEICHEN_FORMAT, isValidFormat } from '../kassenzeichen-format.js';

export interface ManagerConfig {
  /** The backend's base URL; in BFF mode the BFF's `/api`. */
  backendUrl: string;
  /** BFF mode: a `backend-url` was given anyway and is not used (a hint for the editor). */
  backendUrlIgnored?: boolean;
  supportPhone: string;
  kassenzeichenFormat: string;
  headingLevel: HeadingLevel;
}

/** The element properties that configure a manager: a change sets it up anew. */
export const MANAGER_PROPERTIES = [
  'backendUrl',
  'login',
  'authority',
  'clientId',
  'bffUrl',
  'supportPhone',
  'kassenzeichenFormat',
  'headingLevel',
] as const;

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;
const HEADING_LEVELS = ['2', '3', '4', '5', '6'] as const;

export const DEFAULT_SUPPORT_PHONE = '02161 49 10 10';

/**
 * Checks the manager's own attributes (the session's are checked where the
 * session comes from). In BFF mode (`bffUrl`) the BFF alone talks to the
 * backend: the requests go to `<bffUrl>/api` and no `backend-url` is needed.
 * The backend must be on the page's origin or among the backends the page's
 * head declares (`declared`); without `backend-url`, the one declared backend
 * is taken – so that markup a contributor may write needs no address at all.
 */
export function readManagerConfig(
  attribute: (name: string) => string | null,
  baseUrl: string,
  bffUrl?: string,
  declared: readonly URL[] = [],
): { config?: ManagerConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const own = attribute('backend-url')?.trim() || (declared.length === 1 ? declared[0].href : undefined);
  const raw = bffUrl ? `${bffUrl}/api` : own;
  // A path such as /api is resolved against the page; the https rule applies to the result.
  const backend = readUrlAttribute(
    'backend-url',
    raw ? new URL(raw, baseUrl).href : (raw ?? null),
    problems,
    true,
    new URL(baseUrl).hostname,
  );
  const format = attribute('kassenzeichen-format')?.trim() || DEFAULT_KASSENZEICHEN_FORMAT;
  if (!isValidFormat(format))
    problems.push({ kind: 'invalid-value', attribute: 'kassenzeichen-format', allowed: ['#', '.', '-', ' ', '/'] });
  const supportPhone = attribute('support-phone')?.trim() || DEFAULT_SUPPORT_PHONE;
  const headingLevel = Number(readChoiceAttribute('heading-level', attribute('heading-level'), HEADING_LEVELS, problems)) as HeadingLevel;
  if (backend && !isAllowedBackend(backend, new URL(baseUrl).origin, declared))
    problems.push({ kind: 'undeclared-backend', attribute: bffUrl ? 'bff-url' : 'backend-url', origin: backend.origin });
  if (!backend || problems.length > 0) return { problems };
  const backendUrl = backend.href.replace(/\/+$/, '');
  const config: ManagerConfig = { backendUrl, supportPhone, kassenzeichenFormat: format, headingLevel };
  if (bffUrl && attribute('backend-url')?.trim()) config.backendUrlIgnored = true;
  return { config, problems };
}

/** `02161 49 10 10` → `tel:+4921614910 10` without spaces: German numbers with a leading 0 get +49. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') && !digits.startsWith('00') ? `+49${digits.slice(1)}` : digits}`;
}
