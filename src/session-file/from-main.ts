/*
 * What the session's file takes from the first file: the login's
 * configuration, the way back's first step, web storage, the session's
 * registry and the shared helpers – what the first file holds anyway. For the
 * session's file (`vite build --mode session`) every module named here is
 * replaced by the values the first file offers under the file's address
 * (scripts/manager-file.mjs); a name missing here fails that build.
 */
export { API_ACCEPT, takeEarlyAnswer } from '../api/early-gets.js';
export { ANTI_FORGERY, signedInHint } from '../auth/session-head.js';
export { DEFAULT_IDLE_TIMEOUT_SECONDS, readLoginConfig, sessionKey } from '../auth/login-config.js';
export { isSigninCallback, safeReturnUrl, withoutCallbackParams } from '../auth/callback-url.js';
export {
  beginCodeExchange,
  isFresh,
  isOwnCallback,
  onRedirectPath,
  keepMetadata,
  keptMetadata,
  readState,
  signInStateStorage,
  STATE_PREFIX,
} from '../auth/code-exchange.js';
export { issuerMatches } from '../auth/issuer.js';
export { storageIsFull, usableStorage } from '../auth/safe-storage.js';
export { sessionFor } from '../auth/session-registry.js';
export { isPassingFailure, WARNING_BEFORE_END_MS } from '../session-types.js';
export { markSignedOut, RENEW_AHEAD_MS, signedOutSince, userKeys } from '../auth/signed-out-probe.js';
export {
  ANTI_FORGERY_HEADER,
  ANTI_FORGERY_VALUE,
  COOKIE_PREFIX,
  OUTCOME_PARAMETER,
  SIGN_IN_OUTCOMES,
  SIGNED_IN_HINT_COOKIE,
} from '../shared/bff-protocol.js';
export { readChoiceAttribute, readUrlAttribute } from '../shared/config-problem.js';
export { configReader } from '../shared/config-reader.js';
export { declaredBackends, isAllowedBackend } from '../shared/declared-backends.js';
export { elementById, elementsByTag } from '../shared/page-dom.js';
export { isLoopback, parseHttpUrl } from '../shared/urls.js';
