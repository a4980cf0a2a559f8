/*
 * The session's file (buergerportal-widgets.session.js), loaded by the script
 * for CMS pages beside itself as soon as a login or a manager is on the page:
 * both kinds of session (the way back's checks, renewal, sign-out, BFF mode),
 * the API client and what the manager takes from here. It imports nothing: what
 * it shares with the first file it takes from there (from-main.ts).
 */
export { createSession } from '../auth/session-factory.js';
export * from '../kassenzeichen-manager/from-session-file.js';
export { startEarly } from '../kassenzeichen-manager/set-up/start-early.js';
