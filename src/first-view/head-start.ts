import { beginCodeExchange, isOwnCallback, keptMetadata, onRedirectPath, signInStateStorage } from '../auth/code-exchange.js';
import { sessionKey, type BrowserLoginConfig, type LoginConfig } from '../auth/login-config.js';
import { askOverviewEarlyWithToken } from '../auth/overview-head.js';
import { askBffEarly, askOverviewEarly, type SessionHead } from '../auth/session-head.js';
import { surelySignedOut } from '../auth/signed-out-probe.js';
import { onWindow } from '../shared/on-window.js';

/*
 * What must not wait for the session's file, begun once per session as soon as
 * the first file sees a login: on the way back from the provider the code
 * exchange, in BFF mode the BFF's word on the session, on a reload while signed
 * in the overview's GETs – and whether the page alone says that nobody is
 * signed in, so that the sign-in button can be shown at once.
 */

export interface HeadStart {
  head: SessionHead;
  /** Known from the page alone: the first view is the sign-in button. */
  signedOut: boolean;
}

// On the window: a second copy of the script (another `?ver=`) begins nothing twice – a code is exchanged once.
const begun = () => onWindow('head-starts', () => new Map<string, HeadStart>());

/** The head start of `config`'s session, begun now unless it was. */
export function headStartFor(config: LoginConfig): HeadStart {
  const key = sessionKey(config);
  let start = begun().get(key);
  if (!start) {
    start = beginHeadStart(config);
    begun().set(key, start);
  }
  return start;
}

/** For the session (deferred-session.ts): what was begun for it, handed over once; a later session begins anew. */
export function takeHeadStart(config: LoginConfig): HeadStart {
  const start = headStartFor(config);
  begun().delete(sessionKey(config));
  return start;
}

function beginHeadStart(config: LoginConfig): HeadStart {
  if (config.mode === 'bff') {
    const head = { sessionAnswer: askBffEarly(config.bffUrl) };
    askOverviewEarly(config.bffUrl);
    return { head, signedOut: false };
  }
  const url = new URL(location.href);
  const exchange = codeExchangeOnTheWayBack(config, url);
  if (exchange) return { head: { exchange }, signedOut: false };
  askOverviewEarlyWithToken(config);
  return { head: {}, signedOut: surelySignedOut(config, url) };
}

/** Back from the provider with this login's answer: the code exchange, begun now. */
function codeExchangeOnTheWayBack(config: BrowserLoginConfig, url: URL): SessionHead['exchange'] {
  const storage = signInStateStorage();
  const metadata = onRedirectPath(config.redirectUri, url) && isOwnCallback(url, storage) ? keptMetadata(config.authority) : undefined;
  if (!metadata) return undefined;
  const { authority, clientId, maxAge, resource } = config;
  return beginCodeExchange(url, { authority, clientId, maxAge, resource }, metadata, storage!);
}
