import { EMPTY_ADDRESS, RESUMABLE_STEPS, type FlowState } from './state.js';

/* What of the flow survives a reload or a new sign-in: the citizen's entries and where they were. Pure. */

export type Draft = Pick<
  FlowState,
  'resume' | 'address' | 'role' | 'code' | 'codeItemId' | 'requestKey' | 'requestKeyFor' | 'confirmKey' | 'confirmKeyFor' | 'codeFrom'
>;

export function resumeFrom(state: Pick<FlowState, 'step' | 'resume'>): FlowState['resume'] {
  return RESUMABLE_STEPS.includes(state.step) ? state.step : state.resume;
}

export function draftOf(state: FlowState): Draft {
  const { address, role, code, codeItemId, requestKey, requestKeyFor, confirmKey, confirmKeyFor, codeFrom } = state;
  return { resume: resumeFrom(state), address, role, code, codeItemId, requestKey, requestKeyFor, confirmKey, confirmKeyFor, codeFrom };
}

/** Whether the citizen has typed or chosen anything: only then do messages say that entries are kept. */
export function hasTypedEntries(draft: Pick<Draft, 'address' | 'code' | 'role'>): boolean {
  return Object.values(draft.address).some((value) => value !== '') || draft.code !== '' || draft.role !== undefined;
}

/** Nothing typed and nowhere to return to: nothing to keep. */
export function isEmptyDraft(draft: Draft): boolean {
  return !hasTypedEntries(draft) && draft.resume === undefined && draft.requestKey === undefined;
}

/** A stored draft, read back defensively (it may come from an older version). */
export function applyDraft(state: FlowState, draft: Partial<Draft> | undefined): FlowState {
  if (!draft) return state;
  return {
    ...state,
    resume: RESUMABLE_STEPS.includes(draft.resume as never) ? draft.resume : state.resume,
    address: { ...EMPTY_ADDRESS, ...(draft.address ?? {}) },
    role: draft.role === 'owner' || draft.role === 'delivery_agent' ? draft.role : undefined,
    code: typeof draft.code === 'string' ? draft.code : '',
    codeItemId: draft.codeItemId,
    requestKey: draft.requestKey,
    requestKeyFor: typeof draft.requestKeyFor === 'string' ? draft.requestKeyFor : undefined,
    // Both or neither: a key is only reused for the content it was made for.
    ...(typeof draft.confirmKey === 'string' && typeof draft.confirmKeyFor === 'string'
      ? { confirmKey: draft.confirmKey, confirmKeyFor: draft.confirmKeyFor }
      : { confirmKey: undefined, confirmKeyFor: undefined }),
    codeFrom: draft.codeFrom,
  };
}
