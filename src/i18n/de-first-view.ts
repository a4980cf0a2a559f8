import type { Messages } from './messages.js';

/*
 * The German the first file paints before the rest of the texts are there
 * (first-view/paint.ts): the signed-out view, and the editor's box when the
 * login's file is missing.
 */

/** The signed-out view. */
export const deSignIn = {
  signInButton: { 'servicekonto-nrw': 'Zum Servicekonto.NRW', bundid: 'Mit BundID anmelden' },
  signedOutIntro: {
    'servicekonto-nrw':
      'Für einige Online-Dienste melden Sie sich mit Ihrem Servicekonto.NRW an. Sie werden dazu zum Servicekonto.NRW weitergeleitet und danach hierher zurückgebracht.',
    bundid:
      'Für einige Online-Dienste melden Sie sich mit Ihrer BundID an. Sie werden dazu zur BundID weitergeleitet und danach hierher zurückgebracht.',
  },
  registrationHint: 'Noch kein Konto?',
  registrationLink: 'Jetzt registrieren',
} satisfies Partial<Messages['login']>;

/** When the login's file is lost on the way: the citizen's sentence and the retry. */
export const deFileLost = {
  unavailable: 'Die Anmeldung ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
  managerUnavailable:
    'Ihre Kassenzeichen können gerade nicht angezeigt werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  retry: 'Erneut versuchen',
} satisfies Partial<Messages['login']>;

/** The editor's box for a file missing beside the script. */
export const deFileMissing = {
  title: 'Dieses Element ist nicht richtig eingerichtet',
  intro: 'Hinweis für die Redaktion der Website:',
  moduleMissing: (file) => `Die Datei ${file} konnte nicht geladen werden. Sie gehört in denselben Ordner wie buergerportal-widgets.js.`,
  citizenHint: 'Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.',
} satisfies Partial<Messages['config']>;
