import { NO_PROBLEMS, type FlowState, type StepName } from './state.js';

/* Moving between steps. Pure. */

const BACK: Partial<Record<StepName, StepName>> = {
  declined: 'consent',
  choice: 'overview',
  form: 'choice',
  check: 'form',
  role: 'check',
  'confirm-letter': 'overview',
  'confirm-remove': 'overview',
  'letter-sent': 'overview',
  done: 'overview',
};

/**
 * A step change: what the old step showed (problems, message, notice) goes;
 * focus moves to the new heading when the citizen caused the change, also
 * across a loading step in between.
 */
export function goTo(state: FlowState, step: StepName, byCitizen: boolean): FlowState {
  if (step === state.step) return state;
  const follows = byCitizen || (state.step === 'loading' && state.followFocus);
  return {
    ...state,
    step,
    problems: NO_PROBLEMS,
    banner: undefined,
    notice: undefined,
    focus: follows ? 'heading' : state.focus,
    followFocus: step === 'loading' && follows,
  };
}

export function goBack(state: FlowState): FlowState {
  const target = state.step === 'code' ? (state.codeFrom ?? 'overview') : (BACK[state.step] ?? 'overview');
  return goTo(state, target, true);
}
