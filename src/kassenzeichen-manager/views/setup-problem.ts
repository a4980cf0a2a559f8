import {
  describeConfigProblems,
  describeSessionFailure,
  html,
  isPassingFailure,
  renderConfigError,
  renderUnavailable,
  reportConfigError,
  reportIgnored,
} from '../from-main.js';
import type { TemplateResult } from 'lit';
import type { SessionSnapshot } from '../../auth/session.js';
import type { Messages } from '../../i18n/messages.js';
import type { BlockedByPolicy } from '../../shared/csp-watch-controller.js';
import type { ManagerSetup } from '../set-up/manager-setup.js';
import { heading } from './common.js';

/**
 * What stands instead of the flow when the manager cannot work: the editor's
 * box for a wrong set-up, a blocked source or a provider that is none; the
 * citizen's sentence with „Erneut versuchen“ while the sign-in service cannot
 * be reached. `undefined` when all is well.
 */
export function renderSetupProblem(
  setup: ManagerSetup,
  blocked: BlockedByPolicy | undefined,
  session: SessionSnapshot,
  m: Messages,
  retry: () => void,
): TemplateResult | undefined {
  const { config } = setup;
  const editorsBox = (problems: string[]) => renderConfigError('kassenzeichen-manager', problems, m.config);
  if (!config) return editorsBox(describeConfigProblems(setup.problems, m.config));
  if (blocked) return editorsBox([m.config.blockedByPolicy(blocked.origin, blocked.directive)]);
  if (session.status !== 'failed') return undefined;
  if (!isPassingFailure(session.failure)) return editorsBox([describeSessionFailure(session, setup.authority, m.config)]);
  return html`<div lang=${m.language}>${heading(config, m.manager.title)}${renderUnavailable(m.login, !!session.retrying, retry)}</div>`;
}

/** Tells the editor (console) what is set wrong, once per change; `true` when the set-up has just become invalid. */
export function reportSetup(setup: ManagerSetup, previous: ManagerSetup, m: Messages): boolean {
  if (setup.config?.backendUrlIgnored) reportIgnored('kassenzeichen-manager', ['backend-url'], m.config);
  const changed = JSON.stringify(setup.problems) !== JSON.stringify(previous.problems);
  if (setup.problems.length === 0 || !changed) return false;
  reportConfigError('kassenzeichen-manager', describeConfigProblems(setup.problems, m.config));
  return true;
}
