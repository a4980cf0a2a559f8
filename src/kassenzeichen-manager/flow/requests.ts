import type { KassenzeichenApi } from '../../api/client.js';

/*
 * A backend request as data: the name of a method of the typed client and its
 * arguments (without the AbortSignal, which the controller adds). A new
 * request in the contract needs no glue: the state machine asks for it by
 * name, the controller calls it by name, the answer comes back by name.
 */

export type ApiMethod = keyof KassenzeichenApi;

type ArgsOf<M extends ApiMethod> = KassenzeichenApi[M] extends (...args: infer A) => unknown
  ? A extends [...infer Head, (AbortSignal | undefined)?]
    ? Head
    : never
  : never;

export type ResultOf<M extends ApiMethod> = Awaited<ReturnType<KassenzeichenApi[M]>>;

/** Why a request runs when it is not what its name says (a list load that checks whether a letter arrived). */
export type RequestPurpose = 'check-letter' | 'check-cancelled';

export type PendingRequest = { [M in ApiMethod]: { name: M; args: ArgsOf<M>; purpose?: RequestPurpose } }[ApiMethod];

/** The answer to a request, by name. */
export type Answer = { [M in ApiMethod]: { name: M; value: ResultOf<M>; request: Extract<PendingRequest, { name: M }> } }[ApiMethod];

export function requestOf<M extends ApiMethod>(name: M, ...args: ArgsOf<M>): Extract<PendingRequest, { name: M }> {
  return { name, args } as unknown as Extract<PendingRequest, { name: M }>;
}

/** Calls the client method `request.name` with its arguments and the signal. */
export function execute(api: KassenzeichenApi, request: PendingRequest, signal: AbortSignal): Promise<unknown> {
  const method = api[request.name] as (...args: unknown[]) => Promise<unknown>;
  return method.apply(api, [...request.args, signal]);
}
