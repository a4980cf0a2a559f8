/**
 * Reads an element's configuration by attribute name, from its properties
 * first – frameworks such as React 19 and Vue set properties – and from the
 * attribute when the property is unset (e.g. an element not upgraded yet),
 * then from an attribute under the property's name: React's server renderer
 * writes `clientId="…"` (see property-named-attributes.ts).
 */
export function configReader(element: Element): (attribute: string) => string | null {
  return (attribute) => {
    const name = propertyName(attribute);
    const value = (element as unknown as Record<string, unknown>)[name];
    if (value === undefined || value === null || value === '') return element.getAttribute(attribute) ?? element.getAttribute(name);
    return String(value);
  };
}

/** `client-id` → `clientId`. */
export function propertyName(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
