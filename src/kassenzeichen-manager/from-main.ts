/*
 * Everything the manager takes from outside its own files: Lit, the session,
 * the API's errors, the shared views and controllers, the texts, and the
 * parts of the manager that the main file runs before the manager's file is
 * there (its configuration, the early overview). The manager's files import
 * these only from here.
 *
 * For bundlers this is a plain list of re-exports. The script for CMS pages
 * builds the manager as a file of its own (buergerportal-widgets.manager.js,
 * `vite build --mode manager`), in which this module is replaced by one that
 * reads these same values from the main file at run time (see
 * manager-loader.ts): one copy of Lit, of the session and of the texts on the
 * page, and the sign-in button never waits for the manager's code. The
 * values come from two files: the first file (from-first-file.ts) and the
 * session's file (from-session-file.ts), which the main file loads beside the
 * manager's.
 */
export * from './from-first-file.js';
export * from './from-session-file.js';
