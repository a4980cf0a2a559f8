import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Takes an attribute written under a property's name (`clientId="…"`, which
 * HTML keeps as `clientid`) as the value of that property's dashed attribute
 * (`client-id`). React's server renderer writes a custom element's props so,
 * under the name given, and React 19's hydration sets no property: a
 * server-rendered Next.js page would leave both elements unconfigured.
 *
 * Once, at the first connect (the server's markup), for every property whose
 * attribute has a dash and is absent; the value goes through the property's
 * own converter (numbers) exactly as the dashed attribute's would. Later
 * changes come as properties, which React and Vue set on the client.
 */
export class PropertyNamedAttributes implements ReactiveController {
  private taken = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.taken) return;
    this.taken = true;
    const { elementProperties } = this.host.constructor as typeof ReactiveElement;
    for (const [name, { attribute }] of elementProperties) {
      if (typeof name !== 'string' || typeof attribute !== 'string' || !attribute.includes('-')) continue;
      const value = this.host.hasAttribute(attribute) ? null : this.host.getAttribute(name);
      if (value !== null) this.host.attributeChangedCallback(attribute, null, value);
    }
  }
}
