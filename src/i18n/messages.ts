/**
 * Every text the widgets show, as one typed catalog. German (`de.ts`) is the
 * source; a further language is a file that the type checker holds to this
 * interface, so none can miss a text.
 */
export interface Messages {
  login: {
    signInButton: Record<ProviderId, string>;
    signedOutIntro: Record<ProviderId, string>;
    registrationLink: string;
    registrationHint: string;
    signOutButton: string;
    signedInAs: (name: string) => string;
    checking: string;
    signingIn: string;
    cancelled: string;
    staleCallback: string;
    sessionEnded: string;
    signedOutElsewhere: string;
    signInFailed: string;
    retry: string;
    storageBlocked: string;
    expiringTitle: string;
    expiringText: (time: string) => string;
    extendButton: string;
    extendFailed: string;
  };
  config: {
    title: string;
    intro: string;
    missing: (attribute: string) => string;
    invalidUrl: (attribute: string) => string;
    needsHttps: (attribute: string) => string;
    invalidValue: (attribute: string, allowed: string) => string;
    insecurePage: string;
    discoveryFailed: (authority: string) => string;
    citizenHint: string;
  };
}

export type ProviderId = 'servicekonto-nrw' | 'bundid';

export type Language = 'de' | 'en';
