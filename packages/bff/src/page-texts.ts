import type { IncomingMessage } from 'node:http';

/*
 * The BFF's own pages (a citizen's browser navigates to /login, /callback,
 * /logout/continue, /signed-out) speak the language of the page the citizen
 * came from: the widget sends `lang` with the navigation, the BFF keeps it in
 * a cookie for the way back from the provider; without either, the browser's
 * Accept-Language, then German.
 */

export type PageLanguage = 'de' | 'en' | 'de-x-ls';

/** What a page says: a title (also its heading), a sentence, and the name of the way back. */
export interface PageText {
  title: string;
  text: string;
}

export interface PageTexts {
  back: string;
  returnNotAllowed: PageText;
  signInStale: PageText;
  signInBusy: PageText;
  signInUnavailable: PageText;
  signOutUnavailable: PageText;
  signedOut: PageText;
  tooManyRequests: PageText;
  tooLarge: PageText;
  continueSignOut: { title: string; heading: string; button: string; withoutScript: string };
}

const de: PageTexts = {
  back: 'Zurück zur Website',
  returnNotAllowed: {
    title: 'Anmeldung nicht möglich',
    text: 'Die Seite, zu der die Anmeldung zurückführen soll, ist für diesen Dienst nicht freigegeben. Bitte wenden Sie sich an die Stadtverwaltung.',
  },
  signInStale: {
    title: 'Anmeldung nicht mehr gültig',
    text: 'Diese Anmeldung ist abgelaufen oder wurde schon verwendet. Bitte kehren Sie zur Website zurück und melden Sie sich erneut an.',
  },
  signInBusy: {
    title: 'Anmeldung gerade nicht möglich',
    text: 'Gerade melden sich sehr viele Menschen an. Bitte versuchen Sie es in einer Minute noch einmal.',
  },
  signInUnavailable: {
    title: 'Anmeldung gerade nicht möglich',
    text: 'Die Anmeldung ist gerade gestört. Sie sind nicht angemeldet. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  },
  signOutUnavailable: {
    title: 'Abmeldung nicht abgeschlossen',
    text: 'Auf der Website sind Sie abgemeldet. Die Abmeldung beim Anmeldedienst konnte gerade nicht abgeschlossen werden. Schließen Sie alle Fenster des Browsers, damit niemand Ihre Anmeldung weiter nutzen kann.',
  },
  signedOut: { title: 'Abgemeldet', text: 'Sie sind abgemeldet.' },
  tooManyRequests: { title: 'Zu viele Anfragen', text: 'Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.' },
  tooLarge: { title: 'Anfrage zu groß', text: 'Diese Anfrage ist zu groß. Bitte kehren Sie zur Website zurück.' },
  continueSignOut: {
    title: 'Abmelden',
    heading: 'Sie werden abgemeldet …',
    button: 'Abmeldung fortsetzen',
    withoutScript: 'Bitte klicken Sie auf „Abmeldung fortsetzen“. Erst dann sind Sie auch beim Anmeldedienst abgemeldet.',
  },
};

const en: PageTexts = {
  back: 'Back to the website',
  returnNotAllowed: {
    title: 'Sign-in not possible',
    text: 'The page the sign-in should return to is not approved for this service. Please contact the city administration.',
  },
  signInStale: {
    title: 'Sign-in no longer valid',
    text: 'This sign-in has expired or has already been used. Please go back to the website and sign in again.',
  },
  signInBusy: {
    title: 'Sign-in not possible right now',
    text: 'A great many people are signing in right now. Please try again in a minute.',
  },
  signInUnavailable: {
    title: 'Sign-in not possible right now',
    text: 'Sign-in is disrupted right now. You are not signed in. Please try again in a few minutes.',
  },
  signOutUnavailable: {
    title: 'Sign-out not completed',
    text: 'You are signed out of the website. Signing out of the sign-in service could not be completed right now. Close all windows of your browser so that nobody can go on using your sign-in.',
  },
  signedOut: { title: 'Signed out', text: 'You are signed out.' },
  tooManyRequests: { title: 'Too many requests', text: 'Please wait a moment and then try again.' },
  tooLarge: { title: 'Request too large', text: 'This request is too large. Please go back to the website.' },
  continueSignOut: {
    title: 'Sign out',
    heading: 'Signing you out …',
    button: 'Continue signing out',
    withoutScript: 'Please select “Continue signing out”. Only then are you signed out of the sign-in service too.',
  },
};

/** Leichte Sprache (see src/i18n/de-x-ls.ts): one sentence per line, joined with a line break that the page keeps. */
const lines = (...sentences: string[]): string => sentences.join('\n');

const deLs: PageTexts = {
  back: 'Zurück zur Internet-Seite',
  returnNotAllowed: {
    title: 'Anmeldung hat einen Fehler',
    text: lines('Für diese Internet-Seite fehlt die Erlaubnis zur Anmeldung.', 'Bitte fragen Sie bei der Stadt nach.'),
  },
  signInStale: {
    title: 'Anmeldung ist zu alt',
    text: lines('Diese Anmeldung ist zu alt.', 'Bitte gehen Sie zurück zur Internet-Seite.', 'Dann melden Sie sich noch einmal an.'),
  },
  signInBusy: {
    title: 'Anmeldung hat gerade eine Störung',
    text: lines('Gerade melden sich sehr viele Menschen an.', 'Bitte warten Sie 1 Minute.', 'Dann versuchen Sie es noch einmal.'),
  },
  signInUnavailable: {
    title: 'Anmeldung hat gerade eine Störung',
    text: lines('Die Anmeldung hat gerade eine Störung.', 'Sie sind abgemeldet.', 'Bitte versuchen Sie es später noch einmal.'),
  },
  signOutUnavailable: {
    title: 'Abmeldung ist unfertig',
    text: lines(
      'Sie sind auf der Internet-Seite abgemeldet.',
      'Beim Anmelde-Dienst sind Sie vielleicht noch angemeldet.',
      'Bitte schließen Sie alle Fenster vom Browser.',
    ),
  },
  signedOut: { title: 'Abgemeldet', text: 'Sie sind jetzt abgemeldet.' },
  tooManyRequests: { title: 'Zu viele Anfragen', text: lines('Bitte warten Sie kurz.', 'Dann versuchen Sie es noch einmal.') },
  tooLarge: { title: 'Anfrage ist zu groß', text: lines('Diese Anfrage ist zu groß.', 'Bitte gehen Sie zurück zur Internet-Seite.') },
  continueSignOut: {
    title: 'Abmelden',
    heading: 'Die Abmeldung läuft …',
    button: 'Abmeldung fortsetzen',
    withoutScript: lines('Bitte klicken Sie auf den Knopf „Abmeldung fortsetzen“.', 'Dann sind Sie auch beim Anmelde-Dienst abgemeldet.'),
  },
};

const TEXTS: Record<PageLanguage, PageTexts> = { de, en, 'de-x-ls': deLs };

export function pageTexts(language: PageLanguage): PageTexts {
  return TEXTS[language];
}

/** One of ours, from a `lang` value such as `en-GB` or `de-x-ls`; `undefined` for anything else. */
export function knownLanguage(value: string | null | undefined): PageLanguage | undefined {
  const tag = (value ?? '').trim().toLowerCase();
  if (tag === 'de-x-ls') return 'de-x-ls';
  const primary = tag.split('-')[0];
  return primary === 'de' || primary === 'en' ? primary : undefined;
}

/** The first of German or English the browser asks for (Accept-Language order), else German. */
export function browserLanguage(req: IncomingMessage): PageLanguage {
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const found = knownLanguage(part.split(';')[0]);
    if (found) return found;
  }
  return 'de';
}
