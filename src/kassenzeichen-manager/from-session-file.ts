/*
 * What the manager's file takes from the session's file
 * (buergerportal-widgets.session.js): the API's errors, the controllers only
 * the manager uses and the manager's set-up – what the sign-in button does
 * not wait for. See from-main.ts.
 */
export { ApiError, isApiError } from '../api/errors.js';
export { newIdempotencyKey } from '../api/idempotency.js';
export { OnlineController } from '../shared/online-controller.js';
export { SlotLinksController } from '../shared/slot-content-controller.js';
export { displayKassenzeichen, formatDigits } from './kassenzeichen-format.js';
export { MANAGER_PROPERTIES, telHref } from './set-up/manager-config.js';
export { setUpManager } from './set-up/manager-setup.js';
