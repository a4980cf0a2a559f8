import { ANTI_FORGERY_HEADER, ANTI_FORGERY_VALUE } from '../shared/bff-protocol.js';
import type { CallbackEnd, CodeExchange } from './code-exchange.js';

/**
 * What the first file began for a session before the session's file was there,
 * so that nothing waits for that file: on the way back from the provider the
 * code exchange (browser mode), and the BFF's word on the session (BFF mode).
 */
export interface SessionHead {
  exchange?: CodeExchange | CallbackEnd;
  sessionAnswer?: Promise<Response>;
}

/** `GET /session` at the BFF, sent now; its answer is read by the session (bff-client.ts). */
export function askBffEarly(bffUrl: string): Promise<Response> {
  const answer = fetch(`${bffUrl}/session`, { credentials: 'include', headers: { [ANTI_FORGERY_HEADER]: ANTI_FORGERY_VALUE } });
  answer.catch(() => undefined); // read (and its failure told apart) by the session
  return answer;
}
