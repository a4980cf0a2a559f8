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
 * page, and the sign-in button never waits for the manager's code.
 */
export { LitElement, css, html, nothing } from 'lit';
export { property } from 'lit/decorators.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { ApiError, isApiError } from '../api/errors.js';
export { newIdempotencyKey } from '../api/idempotency.js';
export { usableStorage } from '../auth/safe-storage.js';
export { SessionController } from '../auth/session-controller.js';
export { onSessionCreated } from '../auth/session-registry.js';
export { isPassingFailure } from '../auth/session.js';
export { KassenzeichenChangedEvent, KassenzeichenConfirmedEvent, KassenzeichenErrorEvent, KassenzeichenRequestedEvent } from '../events.js';
export { addGermanManagerTexts, setTexts, textsLoaded } from '../i18n/localize.js';
export { busyAwareButton } from '../shared/busy-aware-button.js';
export { formatClock, formatDay } from '../shared/clock.js';
export { describeConfigProblems, renderConfigError, reportConfigError, reportIgnored } from '../shared/config-error-view.js';
export { describeSessionFailure } from '../shared/config-problem.js';
export { CspWatchController } from '../shared/csp-watch-controller.js';
export { defineOnce } from '../shared/define.js';
export { FocusKeeper } from '../shared/focus-keeper.js';
export { focusInView } from '../shared/focus.js';
export { LanguageController } from '../shared/language-controller.js';
export { OnlineController } from '../shared/online-controller.js';
export { PropertyNamedAttributes } from '../shared/property-named-attributes.js';
export { sessionEvents } from '../shared/session-events.js';
export { signInNote } from '../shared/session-status-text.js';
export { SlotLinksController } from '../shared/slot-content-controller.js';
export { baseStyles } from '../shared/styles.js';
export { renderUnavailable } from '../shared/unavailable-view.js';
export { displayKassenzeichen, formatDigits } from './kassenzeichen-format.js';
export { MANAGER_PROPERTIES, telHref } from './main-file/manager-config.js';
export { setUpManager } from './main-file/manager-setup.js';
