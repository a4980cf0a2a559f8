import { expect } from '@open-wc/testing';

/*
 * Review of issue 24 (item 3): Safari/iOS before 17.4 and Firefox before 126
 * (Firefox ESR 115) have ElementInternals without `states` (CustomStateSet).
 * The login did not use ElementInternals before issue 24; now its constructor
 * calls internals.states.add('starting') and throws, so the element never
 * upgrades and the citizen sees no sign-in at all.
 */
describe('<servicekonto-login> where CustomStateSet is missing (Safari < 17.4, Firefox < 126)', () => {
  it('still upgrades and reports a state', async () => {
    Object.defineProperty(ElementInternals.prototype, 'states', { get: () => undefined, configurable: true });
    const errors: unknown[] = [];
    window.addEventListener('error', (event) => errors.push(event.error));
    await import('../../src/servicekonto-login/define.js');
    const element = document.createElement('servicekonto-login');
    element.setAttribute('bff-url', '/bff');
    let thrown: unknown;
    try {
      document.body.append(element);
    } catch (error) {
      thrown = error;
    }
    const upgraded = customElements.get('servicekonto-login');
    expect(String(thrown ?? errors[0] ?? ''), 'no TypeError from the constructor').to.equal('');
    expect(element instanceof upgraded!, 'the element upgraded').to.equal(true);
    expect((element as unknown as { state: string }).state).to.be.oneOf(['starting', 'signed-out', 'failed', 'signed-in']);
  });
});
