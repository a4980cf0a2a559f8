import type { Messages } from './messages.js';

export const de: Messages = {
  login: {
    signInButton: { 'servicekonto-nrw': 'Zum Servicekonto.NRW', bundid: 'Mit BundID anmelden' },
    signedOutIntro: {
      'servicekonto-nrw':
        'Für einige Online-Dienste melden Sie sich mit Ihrem Servicekonto.NRW an. Sie werden dazu zum Servicekonto.NRW weitergeleitet und danach hierher zurückgebracht.',
      bundid:
        'Für einige Online-Dienste melden Sie sich mit Ihrer BundID an. Sie werden dazu zur BundID weitergeleitet und danach hierher zurückgebracht.',
    },
    registrationHint: 'Noch kein Konto?',
    registrationLink: 'Jetzt registrieren',
    signOutButton: 'Abmelden',
    signedInAs: (name) => `Angemeldet als ${name}`,
    checking: 'Anmeldung wird geprüft …',
    signingIn: 'Sie werden zur Anmeldung weitergeleitet …',
    cancelled: 'Anmeldung abgebrochen. Sie können es jederzeit erneut versuchen.',
    staleCallback: 'Die Anmeldung konnte nicht abgeschlossen werden. Bitte melden Sie sich erneut an.',
    sessionEnded: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    signedOutElsewhere: 'Sie wurden in einem anderen Fenster abgemeldet.',
    signInFailed: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    retry: 'Erneut versuchen',
    storageBlocked:
      'Ihr Browser blockiert das Speichern von Websitedaten. Bitte erlauben Sie Websitedaten für diese Seite, damit die Anmeldung funktioniert.',
    expiringTitle: 'Ihre Sitzung läuft bald ab',
    expiringText: (time) =>
      `Aus Sicherheitsgründen endet Ihre Anmeldung um ${time} Uhr. Möchten Sie angemeldet bleiben?`,
    extendButton: 'Sitzung verlängern',
    extendFailed: 'Die Sitzung konnte nicht verlängert werden. Bitte melden Sie sich erneut an.',
  },
  config: {
    title: 'Dieses Element ist nicht richtig eingerichtet',
    intro: 'Hinweis für die Redaktion der Website:',
    missing: (attribute) => `Das Attribut „${attribute}“ fehlt oder ist leer.`,
    invalidUrl: (attribute) => `Das Attribut „${attribute}“ ist keine gültige Adresse (URL).`,
    needsHttps: (attribute) => `Das Attribut „${attribute}“ muss mit https:// beginnen.`,
    invalidValue: (attribute, allowed) => `Das Attribut „${attribute}“ erlaubt nur: ${allowed}.`,
    insecurePage: 'Die Anmeldung benötigt HTTPS. Diese Seite wird ohne HTTPS ausgeliefert.',
    discoveryFailed: (authority) =>
      `Anmeldedienst nicht erreichbar oder falsch konfiguriert: ${authority}/.well-known/openid-configuration konnte nicht geladen werden.`,
    citizenHint: 'Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.',
  },
};
