// The build of buergerportal-widgets.manager.js (vite build --mode manager):
// the manager's own code only. Its imports from src/kassenzeichen-manager/from-main.ts
// are read at run time from the main file, which put them under a key made of
// this file's address (see manager-loader.ts) – no second copy of Lit, the
// session or the texts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const FROM_MAIN = resolve('src/kassenzeichen-manager/from-main.ts');
const VIRTUAL = '\0buergerportal-from-main';

/** The value exports of from-main.ts, by name. */
export function fromMainExports(file = FROM_MAIN) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements
    .filter(
      (statement) =>
        ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause),
    )
    .flatMap((statement) => statement.exportClause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text));
}

/** The module that stands in for from-main.ts in the manager's file. */
export function fromMainModule(names = fromMainExports()) {
  return [
    // The same key as fromMainKey() in manager-loader.ts.
    'const fromMain = globalThis[Symbol.for(`buergerportal-widgets.from-main ${import.meta.url}`)];',
    // Included by hand (a second script tag): the editor's message, in the editor's language.
    "if (!fromMain) throw new Error('buergerportal-widgets.manager.js wird von buergerportal-widgets.js geladen: bitte nur buergerportal-widgets.js einbinden.');",
    `export const { ${names.join(', ')} } = fromMain;`,
  ].join('\n');
}

/** A Vite plugin: from-main.ts becomes the module above. */
export function takeFromMain() {
  return {
    name: 'buergerportal-manager-takes-from-main',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('from-main')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === FROM_MAIN ? VIRTUAL : null;
    },
    load(id) {
      return id === VIRTUAL ? fromMainModule() : null;
    },
  };
}
