/*
 * What the login's file (buergerportal-widgets.login.js) takes from the first
 * file: every module the first file holds that the login's file uses too. For
 * the login's file (`vite build --mode login`) each module named here is
 * replaced by the values the first file offers under the login file's address
 * (scripts/manager-file.mjs, takeFromFirstView); a name missing here fails that
 * build, and test/node/bundle.test.mjs fails on a module in both files.
 */
export { API_ACCEPT, sendEarly, sendOverviewEarly, takeEarlyAnswer } from '../api/early-gets.js';
export { isSigninCallback, safeReturnUrl, withoutCallbackParams } from '../auth/callback-url.js';
export {
  beginCodeExchange,
  isFresh,
  isOwnCallback,
  keepMetadata,
  keptMetadata,
  onRedirectPath,
  readState,
  SIGN_IN_STATE_TTL_SECONDS,
  signInStateStorage,
  STATE_PREFIX,
} from '../auth/code-exchange.js';
export { issuerMatches } from '../auth/issuer.js';
export {
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  DEFAULT_REGISTRATION_URLS,
  LOGIN_PROPERTIES,
  readLoginConfig,
  sessionKey,
  SIGN_OUT_METHODS,
  TOKEN_STORAGES,
} from '../auth/login-config.js';
export { askOverviewEarlyWithToken } from '../auth/overview-head.js';
export { storageIsFull, usableStorage } from '../auth/safe-storage.js';
export { ANTI_FORGERY, askBffEarly, askOverviewEarly, signedInHint } from '../auth/session-head.js';
export { markSignedOut, RENEW_AHEAD_MS, signedOutSince, surelySignedOut, userKeys } from '../auth/signed-out-probe.js';
export { FirstViewTakeover, isPainted, notePainted, takeFirstView } from './handover.js';
export { headStartFor, takeHeadStart } from './head-start.js';
export { deFileLost, deFileMissing, deSignIn } from '../i18n/de-first-view.js';
export { fallbackChain, germanServes, languageOf, LOADABLE_LANGUAGES } from '../i18n/language-of.js';
export { loginCss } from '../servicekonto-login/login-css.js';
export { isPassingFailure, PROVIDERS, WARNING_BEFORE_END_MS } from '../session-types.js';
export { baseCss } from '../shared/base-css.js';
export {
  ANTI_FORGERY_HEADER,
  ANTI_FORGERY_VALUE,
  COOKIE_PREFIX,
  OUTCOME_PARAMETER,
  SIGN_IN_OUTCOMES,
  SIGNED_IN_HINT_COOKIE,
} from '../shared/bff-protocol.js';
export { readChoiceAttribute, readUrlAttribute } from '../shared/config-problem.js';
export { configReader, propertyName } from '../shared/config-reader.js';
export { BACKENDS_META_NAME, declaredBackends, isAllowedBackend } from '../shared/declared-backends.js';
export { partsBreakingAfterDots } from '../shared/label-parts.js';
export { onWindow } from '../shared/on-window.js';
export { elementById, elementsByTag, realHead } from '../shared/page-dom.js';
export {
  besideScript,
  fromMainKey,
  isMissing,
  isOffered,
  LOGIN_FILE,
  MANAGER_FILE,
  OIDC_FILE,
  offerLater,
  offerTo,
  SESSION_FILE,
  unversionedBesideScript,
  warnNotLoaded,
} from '../shared/side-files.js';
export { isLoopback, isSecureUrl, parseHttpUrl } from '../shared/urls.js';
