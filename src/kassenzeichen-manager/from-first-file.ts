/*
 * What the manager's file takes from the first file (buergerportal-widgets.js):
 * Lit, the shared views and controllers, the session's registry, the events
 * and the texts – what the sign-in button needs anyway. See from-main.ts.
 */
export { LitElement, css, html, nothing } from 'lit';
export { property } from 'lit/decorators.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { usableStorage } from '../auth/safe-storage.js';
export { FirstViewTakeover } from '../first-view/handover.js';
export { SessionController } from '../auth/session-controller.js';
export { onSessionCreated } from '../auth/session-registry.js';
export { isPassingFailure } from '../auth/session.js';
export { KassenzeichenChangedEvent, KassenzeichenConfirmedEvent, KassenzeichenErrorEvent, KassenzeichenRequestedEvent } from '../events.js';
export { addGermanManagerTexts, setTexts, textsLoaded } from '../i18n/localize.js';
export { busyAwareButton } from '../shared/busy-aware-button.js';
export { formatClock, formatDay } from '../shared/clock.js';
export { describeConfigProblems, renderConfigError, reportConfigError, reportIgnored } from '../shared/config-error-view.js';
export { describeSessionFailure } from '../shared/config-problem-text.js';
export { CspWatchController } from '../shared/csp-watch-controller.js';
export { defineOnce } from '../shared/define.js';
export { FocusKeeper } from '../shared/focus-keeper.js';
export { focusInView } from '../shared/focus.js';
export { LanguageController } from '../shared/language-controller.js';
export { elementsByTag } from '../shared/page-dom.js';
export { PropertyNamedAttributes } from '../shared/property-named-attributes.js';
export { sessionEvents } from '../shared/session-events.js';
export { signInNote } from '../shared/session-status-text.js';
export { baseStyles } from '../shared/styles.js';
export { renderUnavailable } from '../shared/unavailable-view.js';
