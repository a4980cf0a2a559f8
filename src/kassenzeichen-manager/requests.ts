import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { KassenzeichenApi } from '../api/client.js';
import type { ConfirmationResult, Item, LinkRequest } from '../api/types.js';

/*
 * One @lit/task per backend interaction. Each gets the task's AbortSignal, so
 * a cancel or a newer run aborts the fetch. The element reacts to outcomes.
 */

export interface RequestHandlers {
  api(): KassenzeichenApi | undefined;
  loaded(result: { consentRequired: boolean; items: Item[] }): void;
  consented(): void;
  requested(item: Item, newCode: boolean): void;
  confirmed(result: ConfirmationResult): void;
  removed(): void;
  failed(error: unknown, request: RequestName): void;
}

export type RequestName = 'load' | 'consent' | 'request' | 'confirm' | 'letter' | 'remove';

export function createRequests(host: ReactiveControllerHost, on: RequestHandlers) {
  const api = () => {
    const client = on.api();
    if (!client) throw new Error('no backend configured');
    return client;
  };
  const task = <A extends readonly unknown[], R>(name: RequestName, run: (args: A, signal: AbortSignal) => Promise<R>, done: (value: R) => void) =>
    new Task<A, R>(host, {
      autoRun: false,
      task: (args, { signal }) => run(args, signal),
      onComplete: done,
      onError: (error) => on.failed(error, name),
    });

  return {
    load: task<[], { consentRequired: boolean; items: Item[] }>(
      'load',
      async (_, signal) => {
        const account = await api().getAccount(signal);
        // No data calls before consent: the list is asked for only afterwards.
        const items = account.consentRequired ? [] : await api().listKassenzeichen(signal);
        return { consentRequired: account.consentRequired, items };
      },
      on.loaded,
    ),
    consent: task<[], void>('consent', (_, signal) => api().giveConsent(signal), on.consented),
    request: task<[LinkRequest, string], Item>('request', ([body, key], signal) => api().requestKassenzeichen(body, key, signal), (item) =>
      on.requested(item, false),
    ),
    confirm: task<[string, string], ConfirmationResult>('confirm', ([id, code], signal) => api().confirm(id, code, signal), on.confirmed),
    letter: task<[string, string], Item>('letter', ([id, key], signal) => api().requestNewLetter(id, key, signal), (item) => on.requested(item, true)),
    remove: task<[string], void>('remove', ([id], signal) => api().remove(id, signal), on.removed),
  };
}

export type Requests = ReturnType<typeof createRequests>;
