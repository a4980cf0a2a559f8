import { deFileLost, deFileMissing, deSignIn } from './de-first-view.js';
import type { Messages } from './messages.js';

/** German for the sign-in, the editor's messages and what the script says before the manager's file is there. */
export const deLogin: Omit<Messages, 'manager'> = {
  language: 'de',
  login: {
    ...deSignIn,
    ...deFileLost,
    signOutButton: 'Abmelden',
    signOutHint: 'Wenn Sie fertig sind, melden Sie sich bitte ab. Das Fenster zu schließen meldet Sie nicht ab.',
    signedInAs: (name) => `Angemeldet als ${name}`,
    checking: 'Anmeldung wird geprüft …',
    signingIn: 'Sie werden zur Anmeldung weitergeleitet …',
    cancelled: 'Anmeldung abgebrochen. Sie können es jederzeit erneut versuchen.',
    staleCallback: 'Die Anmeldung konnte nicht abgeschlossen werden. Bitte melden Sie sich erneut an.',
    sessionEnded: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    signedOutElsewhere: 'Sie wurden in einem anderen Fenster abgemeldet.',
    endedElsewhere: 'Sie wurden abgemeldet: Ihre Anmeldung wurde an anderer Stelle beendet, zum Beispiel in einem anderen Online-Dienst.',
    copiedSessionEnded: 'Ihre Anmeldung läuft im anderen Fenster weiter. Bitte melden Sie sich hier erneut an.',
    signInFailed: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    storageBlocked:
      'Ihr Browser blockiert das Speichern von Websitedaten. Bitte erlauben Sie Websitedaten für diese Seite, damit die Anmeldung funktioniert.',
    storageFull:
      'Der Speicher Ihres Browsers für diese Website ist voll, deshalb klappt die Anmeldung nicht. Bitte löschen Sie in den Browser-Einstellungen die gespeicherten Daten dieser Website und laden Sie die Seite neu.',
    browserUnsupported:
      'Dieser Browser unterstützt die sichere Anmeldung nicht. Bitte verwenden Sie einen aktuellen Browser, zum Beispiel Firefox, Chrome, Edge oder Safari.',
    expiringTitle: 'Ihre Sitzung läuft bald ab',
    expiringText: (time) => `Aus Sicherheitsgründen endet Ihre Anmeldung um ${time} Uhr. Möchten Sie angemeldet bleiben?`,
    extendButton: 'Sitzung verlängern',
  },
  config: {
    ...deFileMissing,
    missing: (attribute) => `Das Attribut „${attribute}“ fehlt oder ist leer.`,
    invalidUrl: (attribute) => `Das Attribut „${attribute}“ ist keine gültige Adresse (URL).`,
    needsHttps: (attribute) => `Das Attribut „${attribute}“ muss mit https:// beginnen.`,
    invalidValue: (attribute, allowed) => `Das Attribut „${attribute}“ erlaubt nur: ${allowed}.`,
    undeclaredBackend: (attribute, origin) =>
      `„${attribute}“ führt zu ${origin}, das diese Seite nicht freigibt; es wurde nichts dorthin gesendet. Ist die Adresse richtig, gibt die IT sie im Kopf der Seite frei: <meta name="buergerportal-widgets-backends" content="${origin}/…"> (siehe Redaktionsleitfaden, „Backends freigeben“).`,
    loginNotFound: (id) => `Das Attribut „login“ nennt die id „${id}“, aber auf der Seite gibt es kein <servicekonto-login> mit dieser id.`,
    insecurePage: 'Die Anmeldung benötigt HTTPS. Diese Seite wird ohne HTTPS ausgeliefert.',
    blockedByPolicy: (origin, directive) =>
      `Die Content-Security-Policy der Seite blockiert ${origin}. Bitte ${origin} in der Richtlinie „${directive}“ ergänzen.`,
    discoveryFailed: (authority) =>
      `Das Attribut „authority“ nennt keinen Anmeldedienst: ${authority}/.well-known/openid-configuration liefert keine gültige OpenID-Konfiguration. Bitte die Issuer-Adresse des Anmeldedienstes eintragen (bei Keycloak: https://…/realms/<Realm>).`,
    issuerMismatch: (authority, issuer) =>
      `Das Attribut „authority“ (${authority}) passt nicht zum Anmeldedienst: Er nennt sich „${issuer}“. Bitte genau diese Adresse eintragen.`,
    bffRefused: (bffUrl, origin) =>
      `Der BFF unter ${bffUrl} antwortet, nimmt aber Anfragen dieser Seite nicht an. Bitte ${origin} in BFF_ALLOWED_ORIGINS des BFF eintragen.`,
    bffInvalid: (bffUrl) =>
      `Das Attribut „bff-url“ führt nicht zum Bürgerportal-BFF: ${bffUrl}/session liefert keine Sitzungsauskunft. Bitte die Adresse eintragen, unter der der BFF läuft (BFF_PUBLIC_URL).`,
    ignoredInBffMode: (attributes) =>
      `Mit „bff-url“ meldet der BFF an und spricht mit dem Backend; diese Attribute werden nicht verwendet: ${attributes}.`,
  },
};
