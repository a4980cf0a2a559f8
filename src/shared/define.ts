/**
 * Registers a custom element unless the name is taken: a page that loads the
 * script twice (or two versions of it) must not throw.
 */
export function defineOnce(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
