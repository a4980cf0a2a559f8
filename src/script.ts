/**
 * The login's file of the script for CMS pages (dist/buergerportal-widgets.login.js),
 * loaded by the first file (first-view/entry.ts): `<servicekonto-login>` with Lit;
 * `<kassenzeichen-manager>` from its own file beside this one, as soon as one
 * is on the page (see kassenzeichen-manager/main-file/manager-loader.ts).
 * Bundlers import the package instead (index.ts), which has both at once.
 */
import { loadManagerWhenNeeded } from './kassenzeichen-manager/main-file/manager-loader.js';

export { ServicekontoLogin } from './servicekonto-login/define.js';
export * from './events.js';
export { setTexts, type TextOverrides } from './i18n/localize.js';

loadManagerWhenNeeded();
