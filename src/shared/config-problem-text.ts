import type { Messages } from '../i18n/messages.js';
import type { SessionSnapshot } from '../session-types.js';
import type { ConfigProblem } from './config-problem.js';

/* The editor's sentences for what is set wrong (the first view reads the configuration without them). */

export function describeConfigProblem(problem: ConfigProblem, messages: Messages['config']): string {
  switch (problem.kind) {
    case 'missing':
      return messages.missing(problem.attribute);
    case 'invalid-url':
      return messages.invalidUrl(problem.attribute);
    case 'needs-https':
      return messages.needsHttps(problem.attribute);
    case 'invalid-value':
      return messages.invalidValue(problem.attribute, problem.allowed.join(', '));
    case 'login-not-found':
      return messages.loginNotFound(problem.id);
    case 'undeclared-backend':
      return messages.undeclaredBackend(problem.attribute, problem.origin);
    case 'insecure-page':
      return messages.insecurePage;
  }
}

/** The editor's sentence for a session that cannot work because of its configuration. */
export function describeSessionFailure(
  snapshot: Pick<SessionSnapshot, 'failure' | 'reportedIssuer' | 'missingFile'>,
  authority: string,
  messages: Messages['config'],
): string {
  if (snapshot.failure === 'module-missing') return messages.moduleMissing(snapshot.missingFile ?? 'buergerportal-widgets.oidc.js');
  if (snapshot.failure === 'issuer-mismatch') return messages.issuerMismatch(authority, snapshot.reportedIssuer ?? '');
  if (snapshot.failure === 'bff-refused') return messages.bffRefused(authority, location.origin);
  if (snapshot.failure === 'bff-invalid') return messages.bffInvalid(authority);
  return messages.discoveryFailed(authority);
}
