import { html } from '../from-main.js';
import type { TemplateResult } from 'lit';
import { hasTypedEntries } from '../flow/draft.js';
import type { StepName } from '../flow/state.js';
import { renderAddressForm, renderCheck, renderChoice, renderLetterSent, renderRole } from './add.js';
import { renderCode, renderConfirmLetter, renderConfirmRemove, renderDone } from './code.js';
import { notice } from './common.js';
import type { ViewProps } from './props.js';
import { renderConsent, renderDeclined, renderLoadFailed, renderLoading, renderOverview, renderSignedOut } from './start.js';

/** One small render function per step of the citizen's flow; a new step adds its view here. */
const STEPS: Record<StepName, (props: ViewProps) => TemplateResult> = {
  'signed-out': renderSignedOut,
  loading: renderLoading,
  'load-failed': renderLoadFailed,
  consent: renderConsent,
  declined: renderDeclined,
  overview: renderOverview,
  choice: renderChoice,
  form: renderAddressForm,
  check: renderCheck,
  role: renderRole,
  'letter-sent': renderLetterSent,
  code: renderCode,
  done: renderDone,
  'confirm-letter': renderConfirmLetter,
  'confirm-remove': renderConfirmRemove,
};

export function renderStep(props: ViewProps): TemplateResult {
  const notKept = props.entriesNotKept && hasTypedEntries(props.state);
  return html`${notice(notKept && props.messages.manager.entriesNotKept)}${STEPS[props.state.step](props)}`;
}
