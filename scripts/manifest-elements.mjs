// The custom elements of custom-elements.json, for every script that reads it
// (framework types, editor's guide, WordPress plugin, and the manifest's own
// writer). A public member the analyzer could not type is refused here: the
// readers would otherwise guess (`string`), and a `number` property would be
// typed as a string in React and Vue.

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** `servicekonto-login.idleTimeout`, … for every attribute, public field, method parameter, return value and event without a type. */
export function untypedMembers(manifest) {
  const missing = [];
  for (const element of customElementsOf(manifest)) {
    const name = (what) => `${element.tagName}.${what}`;
    for (const attribute of element.attributes ?? []) if (!attribute.type?.text) missing.push(name(`[${attribute.name}]`));
    for (const member of (element.members ?? []).filter(isPublic)) {
      if (member.kind === 'field' && !member.type?.text) missing.push(name(member.name));
      if (member.kind !== 'method') continue;
      if (!member.return?.type?.text) missing.push(name(`${member.name}()`));
      for (const parameter of member.parameters ?? []) if (!parameter.type?.text) missing.push(name(`${member.name}(${parameter.name})`));
    }
    for (const event of element.events ?? []) if (!event.type?.text) missing.push(name(`@${event.name}`));
  }
  return missing;
}

function customElementsOf(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
}

/** The custom elements, sorted by tag name; throws when a public member has no type (see {@link untypedMembers}). */
export function elementsOf(manifest) {
  const missing = untypedMembers(manifest);
  if (missing.length > 0) {
    throw new Error(
      `custom-elements.json: public members without a type: ${missing.join(', ')}. ` +
        'Give each an explicit TypeScript type (e.g. `idleTimeout: number = …`) and run `npm run manifest`.',
    );
  }
  return customElementsOf(manifest).sort((a, b) => a.tagName.localeCompare(b.tagName));
}
