/**
 * buergerportal-widgets: `import 'buergerportal-widgets'` registers both
 * elements. Register one alone with `buergerportal-widgets/servicekonto-login`
 * or `buergerportal-widgets/kassenzeichen-manager`.
 */
export { ServicekontoLogin } from './servicekonto-login/define.js';
export { KassenzeichenManager } from './kassenzeichen-manager/define.js';
export * from './events.js';
export type { AuthSession, SessionSnapshot } from './auth/auth-session.js';
export type { Item, Role, Address } from './api/types.js';
export { setTexts, type TextOverrides } from './i18n/localize.js';
export type { Messages } from './i18n/messages.js';
