import { expect } from '@open-wc/testing';
import type { KassenzeichenApi } from '../../src/api/client.js';
import { ManagerController, type ControllerHost } from '../../src/kassenzeichen-manager/manager-controller.js';
import { RequestRunner } from '../../src/kassenzeichen-manager/request-runner.js';

/*
 * No error inside the flow vanishes: an exception while an answer is taken in
 * reaches the console and the citizen's sentence, and the step does not stay
 * busy (lit's Task swallowed it).
 */

/** A host that renders nothing: enough for the controller's state. */
function fakeHost(): ControllerHost {
  const root = document.createElement('div');
  return {
    renderRoot: root,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
}

async function recordingErrors(work: () => Promise<void>): Promise<unknown[][]> {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await work();
  } finally {
    console.error = original;
  }
  return errors;
}

describe('the request runner', () => {
  it('hands on the answer of the latest run only', async () => {
    const answers: string[] = [];
    let release!: (value: string) => void;
    const runner = new RequestRunner<string, string>(
      (request) => (request === 'slow' ? new Promise((resolve) => (release = resolve)) : Promise.resolve(request)),
      { answered: (answer) => answers.push(answer), failed: () => answers.push('failed'), crashed: () => answers.push('crashed') },
    );
    const slow = runner.run('slow');
    await runner.run('fast');
    release('slow');
    await slow;
    expect(answers).to.deep.equal(['fast']);
  });

  it('gives an exception thrown while handing on an answer to `crashed`, with its request', async () => {
    const crashes: unknown[][] = [];
    const runner = new RequestRunner<string, string>(async (request) => request, {
      answered: () => {
        throw new TypeError('bug in afterAnswer');
      },
      failed: () => undefined,
      crashed: (error, request) => crashes.push([error, request]),
    });
    await runner.run('loadOverview');
    expect(crashes).to.have.length(1);
    expect(String(crashes[0][0])).to.contain('bug in afterAnswer');
    expect(crashes[0][1]).to.equal('loadOverview');
  });
});

describe('an exception inside a transition', () => {
  it('reaches the console and the citizen’s sentence for an unexpected answer; nothing stays busy', async () => {
    // An overview that is no overview: taking it in throws inside the state machine.
    const api = { loadOverview: async () => null } as unknown as KassenzeichenApi;
    const controller = new ManagerController(fakeHost(), { api: () => api, emit: () => undefined });
    const errors = await recordingErrors(async () => {
      controller.sessionChanged({ status: 'signed-in', subject: 'citizen-1' }, { status: 'starting' });
      await controller.settled();
    });
    expect(errors.map((args) => String(args[0])).join('\n')).to.contain('could not take in an answer');
    expect(errors.some((args) => args.some((arg) => arg instanceof TypeError))).to.equal(true);
    expect(controller.state.pending).to.equal(undefined);
    expect(controller.state.banner?.message).to.include({ kind: 'api', error: 'unexpected-response' });
    expect(controller.state.banner?.actions).to.deep.equal(['retry']);
  });
});
