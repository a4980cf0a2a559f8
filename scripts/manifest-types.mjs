// Makes the manifest's types say what they mean to a reader who has no
// sources: type aliases of literal unions (ProviderId, TokenStorage,
// HeadingLevel) are written out as the union, and every event names the class
// it is dispatched as. Uses the TypeScript compiler API on src/.
import ts from 'typescript';

/** Exported type aliases of src/ whose type is a union of literals, resolved: name → `'a' | 'b'`. */
export function literalUnionAliases(entry = 'src/index.ts') {
  const program = ts.createProgram([entry, 'src/auth/login-config.ts', 'src/kassenzeichen-manager/set-up/manager-config.ts'], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const aliases = new Map();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes('/src/')) continue;
    ts.forEachChild(file, (node) => {
      if (!ts.isTypeAliasDeclaration(node)) return;
      const type = checker.getTypeAtLocation(node.name);
      if (!type.isUnion() || !type.types.every((member) => member.isLiteral())) return;
      // The checker orders members by when it first met each literal anywhere in the program, so a number
      // used elsewhere (a `4`) moves with unrelated code: numbers are sorted, strings keep their order.
      const members = type.types.every((member) => member.isNumberLiteral())
        ? [...type.types].sort((a, b) => a.value - b.value)
        : type.types;
      const text = members.map((member) => (member.isStringLiteral() ? `'${member.value}'` : String(member.value))).join(' | ');
      aliases.set(node.name.text, text);
    });
  }
  return aliases;
}

/** Rewrites the manifest in place: literal-union aliases written out, event classes named. */
export function describeTypes(manifest) {
  const aliases = literalUnionAliases();
  const eventClasses = new Map();
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    const type = (declaration.members ?? []).find((member) => member.static && member.name === 'type');
    if (declaration.kind === 'class' && type?.default) eventClasses.set(type.default.replace(/'/g, ''), declaration.name);
  }
  const expand = (item) => {
    if (item.type?.text && aliases.has(item.type.text)) item.type.text = aliases.get(item.type.text);
  };
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (!declaration.customElement) continue;
    for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) expand(item);
    for (const event of declaration.events ?? []) {
      if (eventClasses.has(event.name)) event.type = { text: eventClasses.get(event.name) };
    }
  }
  return manifest;
}
