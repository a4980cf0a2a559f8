/**
 * The script for CMS pages (dist/buergerportal-widgets.js): the first file, and
 * the only one a page includes. Without Lit, so that the sign-in button comes
 * at the cost of a button: it begins what must not wait (head-start.ts), paints
 * the signed-out view where the page alone says nobody is signed in
 * (paint.ts), and loads the login's element (buergerportal-widgets.login.js),
 * the session's and the manager's files from beside itself, all at once.
 */
import { startFirstView } from './first-view.js';

startFirstView();
