import type { Address } from '../api/types.js';
import type { ProviderId } from '../session-types.js';

/**
 * Every text the widgets show, as one typed catalog. German (`de.ts`) is the
 * source; a further language is a file that the type checker holds to this
 * interface, so none can miss a text.
 */
export interface Messages {
  /** The catalog's language (BCP 47), set as `lang` on the rendered texts. */
  language: string;
  login: {
    signInButton: Record<ProviderId, string>;
    signedOutIntro: Record<ProviderId, string>;
    registrationLink: string;
    registrationHint: string;
    signOutButton: string;
    /** Beside „Abmelden“ (not in `compact`): on a shared computer, closing the window is not signing out. */
    signOutHint: string;
    signedInAs: (name: string) => string;
    checking: string;
    signingIn: string;
    cancelled: string;
    staleCallback: string;
    sessionEnded: string;
    signedOutElsewhere: string;
    /** The provider ended the session (back-channel logout): a sign-out elsewhere, not an expiry. */
    endedElsewhere: string;
    /** A duplicated tab's copy of the sign-in ended; the sign-in goes on in the other window. */
    copiedSessionEnded: string;
    signInFailed: string;
    retry: string;
    storageBlocked: string;
    /** Both web storages are full: the sign-in cannot remember itself across the redirect. */
    storageFull: string;
    /** The browser has no Web Crypto: the secure sign-in (PKCE) cannot be made here. */
    browserUnsupported: string;
    expiringTitle: string;
    expiringText: (time: string) => string;
    extendButton: string;
    /** The provider cannot be reached at the moment: a citizen's sentence, with a retry. */
    unavailable: string;
    /** In place of a `<kassenzeichen-manager>` whose file did not arrive (the connection failed); with „Erneut versuchen“. */
    managerUnavailable: string;
  };
  manager: ManagerMessages;
  config: {
    title: string;
    intro: string;
    missing: (attribute: string) => string;
    invalidUrl: (attribute: string) => string;
    needsHttps: (attribute: string) => string;
    invalidValue: (attribute: string, allowed: string) => string;
    insecurePage: string;
    loginNotFound: (id: string) => string;
    /** The backend's origin is not the page's and not declared in `<meta name="buergerportal-widgets-backends">`: nothing is sent. */
    undeclaredBackend: (attribute: string, origin: string) => string;
    discoveryFailed: (authority: string) => string;
    issuerMismatch: (authority: string, issuer: string) => string;
    /** BFF mode: the BFF answers, but not to this page (its origin is missing in `BFF_ALLOWED_ORIGINS`). */
    bffRefused: (bffUrl: string, origin: string) => string;
    /** BFF mode: `bff-url` leads to something that is not the BFF. */
    bffInvalid: (bffUrl: string) => string;
    /** BFF mode: attributes that only browser mode uses (a console hint, not an error box). */
    ignoredInBffMode: (attributes: string) => string;
    /** `file`: the file beside the script that could not be loaded (the session's, the manager's or the protocol's). */
    moduleMissing: (file: string) => string;
    blockedByPolicy: (origin: string, directive: string) => string;
    citizenHint: string;
  };
}

export interface ManagerMessages {
  title: string;
  signInIntro: string;
  sessionExpired: string;
  /** Added to a failure's sentence only when the citizen has typed something. */
  entriesKept: string;
  /** Shown while the browser cannot store the entries (site data blocked or storage full). */
  entriesNotKept: string;
  loading: string;
  busy: string;
  cancel: string;
  cancelRequest: string;
  back: string;
  retry: string;
  signOut: string;
  consentTitle: string;
  consentDefault: string;
  agree: string;
  decline: string;
  declinedTitle: string;
  declinedText: string;
  reconsider: string;
  overviewEmpty: string;
  overviewSeveralObjects: string;
  overviewListLabel: string;
  /** For many Kassenzeichen (a property manager): search, how many are shown, more. */
  searchLabel: string;
  shownCount: (shown: number, total: number) => string;
  showMore: string;
  noMatch: string;
  role: Record<'owner' | 'delivery_agent', string>;
  statusConfirmed: string;
  /** `date` is empty when the backend does not say when the letter was requested. */
  statusPending: (date: string) => string;
  addButton: string;
  enterCodeButton: string;
  newCodeButton: string;
  withdrawButton: string;
  removeButton: string;
  /** The accessible name of a repeated button: its visible word first, then the Kassenzeichen it is for. */
  itemAction: (action: string, kassenzeichen: string) => string;
  address: (address: Address) => string;
  choiceTitle: string;
  choiceIntro: string;
  choiceLetterHint: string;
  choiceCodeHint: string;
  formTitle: string;
  formIntro: string;
  labels: { kassenzeichen: string; street: string; houseNumber: string; postalCode: string; code: string; codeFor: string };
  kassenzeichenHint: (example: string) => string;
  codeHint: string;
  next: string;
  /** The error summary's title: that something is wrong, and how much. */
  errorSummaryTitle: (count: number) => string;
  errors: {
    required: Record<'kassenzeichen' | 'street' | 'houseNumber' | 'postalCode' | 'code' | 'role' | 'codeFor', string>;
    tooLong: (max: number) => string;
    postalCode: string;
    kassenzeichenDigits: (expected: number, given: number) => string;
    kassenzeichenLetter: (letter: string) => string;
    kassenzeichenCharacters: string;
    kassenzeichenForeignDigits: string;
    kassenzeichenTooLong: string;
    mismatch: string;
    serverFormat: string;
    wrongCode: (remaining: number | undefined) => string;
  };
  checkTitle: string;
  change: string;
  confirm: string;
  roleTitle: string;
  roleLegend: string;
  roleDeliveryAgentHint: string;
  ok: string;
  letterTitle: string;
  letterText: string;
  letterNext: string;
  toOverview: string;
  codeTitle: string;
  noPending: string;
  doneTitle: string;
  doneAutoLinked: string;
  /** After the code: services that need sign-in can be started now (the guide's sentence). */
  doneStart: string;
  servicesTitle: string;
  /** Instead of the services while no Kassenzeichen is confirmed (the guide's sentence). */
  servicesLocked: string;
  donePhone: string;
  finish: string;
  confirmLetterTitle: string;
  confirmLetterText: string;
  confirmRemoveTitle: string;
  confirmRemoveText: string;
  confirmWithdrawTitle: string;
  confirmWithdrawText: string;
  removed: string;
  problems: {
    unreachable: string;
    timeout: string;
    server: string;
    maintenance: (time: string) => string;
    unexpected: string;
    rateLimited: (time: string) => string;
    locked: (time: string) => string;
    expired: string;
    alreadyLinked: string;
    alreadyPending: string;
    conflict: string;
    notFound: string;
    letterCancelled: string;
    offline: string;
    signInAgain: string;
  };
  loadFailed: string;
}

export type Language = 'de' | 'en';
