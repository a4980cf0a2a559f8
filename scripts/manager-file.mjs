// The builds of the files the main file loads from beside itself: the
// manager's (vite build --mode manager) and the session's (--mode session).
// What each shares with the main file it reads at run time from under a key
// made of its own address (see src/shared/side-files.ts) – no second copy of
// Lit, the session or the texts, and a `?ver=` on the main file loads nothing twice.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const FROM_MAIN = resolve('src/kassenzeichen-manager/from-main.ts');
/** The manager takes these from the first file and the session's file (from-main.ts re-exports both). */
const MANAGER_BARRELS = ['src/kassenzeichen-manager/from-first-file.ts', 'src/kassenzeichen-manager/from-session-file.ts'];
/** The session's file takes these from the first file. */
const SESSION_BARREL = resolve('src/session-file/from-main.ts');
/** The login's file takes these from the first file. */
const FIRST_VIEW_BARREL = resolve('src/first-view/from-first-view.ts');
const VIRTUAL = '\0buergerportal-from-main';

/** A barrel's value re-exports: `{ from, names }` per `export { … } from '…'`. */
export function barrelExports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements
    .filter(
      (statement) =>
        ts.isExportDeclaration(statement) &&
        !statement.isTypeOnly &&
        statement.moduleSpecifier &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause),
    )
    .map((statement) => ({
      from: statement.moduleSpecifier.text,
      names: statement.exportClause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text),
    }));
}

/** The value exports the manager takes, by name. */
export function fromMainExports(files = MANAGER_BARRELS) {
  return files.flatMap((file) => barrelExports(resolve(file)).flatMap((entry) => entry.names));
}

/**
 * The module that stands in for what a file takes from the main file: it
 * waits for the values the main file put under this file's address (a promise
 * for the manager, which also needs the session's file).
 */
export function fromMainModule(names, fileName) {
  return [
    // The same key as fromMainKey() in src/shared/side-files.ts.
    'const fromMain = await globalThis[Symbol.for(`buergerportal-widgets.from-main ${import.meta.url}`)];',
    // Included by hand (a second script tag): the editor's message, in the editor's language.
    `if (!fromMain) throw new Error('${fileName} wird von buergerportal-widgets.js geladen: bitte nur buergerportal-widgets.js einbinden.');`,
    `export const { ${names.join(', ')} } = fromMain;`,
  ].join('\n');
}

/**
 * A Vite plugin that builds `replacement` wherever the module at `real` is
 * imported (`hint`: a part of the import's name, so that other imports are
 * not resolved twice).
 */
export function inPlaceOf(name, real, hint, replacement) {
  return {
    name,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes(hint)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? replacement : null;
    },
  };
}

/** A Vite plugin for the manager's file: from-main.ts becomes the module above. */
export function takeFromMain() {
  return {
    ...inPlaceOf('buergerportal-manager-takes-from-main', FROM_MAIN, 'from-main', VIRTUAL),
    load(id) {
      return id === VIRTUAL ? fromMainModule(fromMainExports(), 'buergerportal-widgets.manager.js') : null;
    },
  };
}

/**
 * A Vite plugin for a file that takes modules from the file that loads it:
 * every module that `barrel` re-exports is that file's, and an import of it
 * becomes the module above. A name the barrel does not list fails the build.
 */
function takeFromLoader(name, barrel, fileName) {
  const entries = barrelExports(barrel);
  const names = entries.flatMap((entry) => entry.names);
  let loaderModules;
  return {
    name,
    enforce: 'pre',
    async buildStart() {
      const resolved = await Promise.all(entries.map((entry) => this.resolve(entry.from, barrel)));
      loaderModules = new Set(resolved.map((module) => module.id));
    },
    async resolveId(source, importer, options) {
      if (!importer || importer === VIRTUAL) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && loaderModules.has(resolved.id) ? VIRTUAL : null;
    },
    load(id) {
      return id === VIRTUAL ? fromMainModule(names, fileName) : null;
    },
  };
}

/** The session's file takes from the login's file what src/session-file/from-main.ts lists. */
export function takeFromFirstFile() {
  return takeFromLoader('buergerportal-session-takes-from-first-file', SESSION_BARREL, 'buergerportal-widgets.session.js');
}

/** The login's file takes from the first file (the first view) what src/first-view/from-first-view.ts lists. */
export function takeFromFirstView() {
  return takeFromLoader('buergerportal-login-takes-from-first-view', FIRST_VIEW_BARREL, 'buergerportal-widgets.login.js');
}
