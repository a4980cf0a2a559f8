import type { Messages } from './messages.js';

export const en: Messages = {
  login: {
    signInButton: { 'servicekonto-nrw': 'Go to Servicekonto.NRW', bundid: 'Sign in with BundID' },
    signedOutIntro: {
      'servicekonto-nrw':
        'Some online services need you to sign in with your Servicekonto.NRW. You will be taken to Servicekonto.NRW and brought back here afterwards.',
      bundid:
        'Some online services need you to sign in with your BundID. You will be taken to BundID and brought back here afterwards.',
    },
    registrationHint: 'No account yet?',
    registrationLink: 'Register now',
    signOutButton: 'Sign out',
    signedInAs: (name) => `Signed in as ${name}`,
    checking: 'Checking sign-in …',
    signingIn: 'Taking you to the sign-in page …',
    cancelled: 'Sign-in cancelled. You can try again at any time.',
    staleCallback: 'The sign-in could not be completed. Please sign in again.',
    sessionEnded: 'Your session has expired. Please sign in again.',
    signedOutElsewhere: 'You were signed out in another window.',
    signInFailed: 'Sign-in failed. Please try again.',
    retry: 'Try again',
    storageBlocked: 'Your browser blocks site data. Please allow site data for this page so that sign-in works.',
    expiringTitle: 'Your session ends soon',
    expiringText: (time) => `For your security, your session ends at ${time}. Do you want to stay signed in?`,
    extendButton: 'Stay signed in',
    extendFailed: 'The session could not be extended. Please sign in again.',
  },
  config: {
    title: 'This element is not set up correctly',
    intro: 'Note for the website editors:',
    missing: (attribute) => `The attribute “${attribute}” is missing or empty.`,
    invalidUrl: (attribute) => `The attribute “${attribute}” is not a valid URL.`,
    needsHttps: (attribute) => `The attribute “${attribute}” must start with https://.`,
    invalidValue: (attribute, allowed) => `The attribute “${attribute}” only allows: ${allowed}.`,
    insecurePage: 'Sign-in needs HTTPS. This page is served without HTTPS.',
    discoveryFailed: (authority) =>
      `Sign-in service unreachable or misconfigured: ${authority}/.well-known/openid-configuration could not be loaded.`,
    citizenHint: 'Sign-in is not possible right now. Please try again later.',
  },
};
