import type { Messages } from './messages.js';

/*
 * Leichte Sprache after the rules of the Netzwerk Leichte Sprache:
 * - one statement per sentence, main clauses only, at most 12 words;
 * - positive sentences; no passive, no genitive, present tense (the perfect
 *   only for what the citizen did before);
 * - one word for one thing: „Anmeldung“ (never „Sitzung“), „Bestätigungs-Code“
 *   (never „Code“ alone), „Knopf“, „Internet-Seite“, „hinzufügen“, „Angaben“,
 *   „die Stadt“ (never „wir“);
 * - long words split with a hyphen („Bestätigungs-Code“, „Post-Leitzahl“);
 * - numbers as digits, dates as „4. Dezember 2026“ (src/shared/clock.ts);
 * - one sentence per line: sentences are joined with a line break, and the
 *   elements show it in `de-x-ls` (src/shared/styles.ts).
 * Buttons keep the words of the city's printed guide (also „Kassenzeichen“ in
 * one word, as on the city's letters); a sentence beside the button explains
 * a name that differs („Sitzung verlängern“). test/i18n/catalogs.test.ts
 * checks these rules on every text.
 */

/** Sentences, one per line. */
const lines = (...sentences: string[]): string => sentences.join('\n');

export const deLs: Messages = {
  language: 'de-x-ls',
  login: {
    signInButton: { 'servicekonto-nrw': 'Zum Servicekonto.NRW', bundid: 'Mit BundID anmelden' },
    signedOutIntro: {
      'servicekonto-nrw': lines(
        'Das Servicekonto ist Ihr Zugang zu Diensten im Internet.',
        'Manche Dienste brauchen eine Anmeldung.',
        'Dafür gehen Sie zum Servicekonto.NRW.',
        'Danach kommen Sie hierher zurück.',
      ),
      bundid: lines(
        'Die BundID ist Ihr Zugang zu Diensten im Internet.',
        'Manche Dienste brauchen eine Anmeldung.',
        'Dafür gehen Sie zur BundID.',
        'Danach kommen Sie hierher zurück.',
      ),
    },
    registrationHint: lines('Sie brauchen ein neues Konto?', 'Dann klicken Sie hier:'),
    registrationLink: 'Jetzt registrieren',
    signOutButton: 'Abmelden',
    signOutHint: lines('Sind Sie fertig?', 'Dann klicken Sie bitte auf „Abmelden“.', 'Das ist wichtig für Ihre Sicherheit.'),
    signedInAs: (name) => `Sie sind angemeldet als ${name}.`,
    checking: 'Die Internet-Seite prüft Ihre Anmeldung.',
    signingIn: 'Sie kommen jetzt zur Anmeldung.',
    cancelled: lines('Sie haben die Anmeldung abgebrochen.', 'Sie können es noch einmal versuchen.'),
    staleCallback: lines('Die Anmeldung hat einen Fehler.', 'Bitte melden Sie sich noch einmal an.'),
    sessionEnded: lines('Ihre Anmeldung ist vorbei.', 'Bitte melden Sie sich noch einmal an.'),
    signedOutElsewhere: 'Sie haben sich in einem anderen Fenster abgemeldet.',
    endedElsewhere: lines('Sie sind jetzt abgemeldet.', 'Vielleicht haben Sie sich bei einem anderen Online-Dienst abgemeldet.'),
    copiedSessionEnded: lines('Sie sind in einem anderen Fenster angemeldet.', 'Hier melden Sie sich bitte noch einmal an.'),
    signInFailed: lines('Die Anmeldung hat einen Fehler.', 'Bitte versuchen Sie es noch einmal.'),
    retry: 'Erneut versuchen',
    storageBlocked: lines(
      'Die Anmeldung braucht einen Speicher in Ihrem Browser.',
      'Ihr Browser sperrt den Speicher für diese Internet-Seite.',
      'Bitte erlauben Sie das Speichern für diese Internet-Seite.',
    ),
    storageFull: lines(
      'Der Speicher in Ihrem Browser ist voll.',
      'Die Anmeldung braucht aber Platz im Speicher.',
      'Bitte löschen Sie die Daten von dieser Internet-Seite.',
      'Das geht in den Einstellungen vom Browser.',
      'Laden Sie dann die Internet-Seite neu.',
    ),
    browserUnsupported: lines(
      'Ihr Browser ist zu alt für die Anmeldung.',
      'Bitte nehmen Sie einen neuen Browser.',
      'Zum Beispiel:',
      'Firefox, Chrome, Edge oder Safari.',
    ),
    expiringTitle: 'Ihre Anmeldung endet bald',
    expiringText: (time) =>
      lines(
        `Ihre Anmeldung endet um ${time} Uhr.`,
        'Das ist zu Ihrem Schutz.',
        'Möchten Sie angemeldet bleiben?',
        'Dann klicken Sie auf „Sitzung verlängern“.',
        'Das bedeutet: Ihre Anmeldung geht weiter.',
      ),
    extendButton: 'Sitzung verlängern',
    unavailable: lines('Die Anmeldung hat gerade eine Störung.', 'Bitte versuchen Sie es in ein paar Minuten noch einmal.'),
    managerUnavailable: lines(
      'Beim Laden von Ihren Kassenzeichen gibt es einen Fehler.',
      'Bitte prüfen Sie Ihre Internet-Verbindung.',
      'Dann versuchen Sie es noch einmal.',
    ),
  },
  manager: {
    title: 'Ihre Kassenzeichen',
    signInIntro: lines(
      'Manche Dienste vom Bürgerportal brauchen eine Anmeldung.',
      'Bitte melden Sie sich an.',
      'Danach fügen Sie hier Ihr Kassenzeichen hinzu.',
    ),
    sessionExpired: lines('Ihre Anmeldung ist vorbei.', 'Bitte melden Sie sich noch einmal an.'),
    entriesKept: 'Ihre Angaben sind noch da.',
    entriesNotKept: lines(
      'Ihr Browser speichert Ihre Angaben gerade nur in diesem Fenster.',
      'Bitte lassen Sie dieses Fenster offen.',
      'Schließen Sie das Fenster erst am Ende.',
    ),
    loading: 'Die Internet-Seite lädt Ihre Daten.',
    busy: 'Bitte warten Sie.',
    cancel: 'Abbrechen',
    cancelRequest: 'Anfrage abbrechen',
    back: 'Zurück',
    retry: 'Erneut versuchen',
    signOut: 'Abmelden',
    consentTitle: 'Ihre Zustimmung',
    consentDefault: lines(
      'Das Bürgerportal braucht Ihren Namen und Ihre Adresse.',
      'Diese Daten kommen aus Ihrem Servicekonto.',
      'Die Stadt nutzt die Daten nur für Ihre Anliegen.',
      'Bitte stimmen Sie 1 Mal zu.',
    ),
    agree: 'Zustimmen',
    decline: 'Ablehnen',
    declinedTitle: 'Sie haben abgelehnt',
    declinedText: lines(
      'Die Dienste mit Anmeldung brauchen Ihre Zustimmung.',
      'Sie können später noch zustimmen.',
      'Dafür klicken Sie auf „Doch zustimmen“.',
    ),
    reconsider: 'Doch zustimmen',
    overviewEmpty: lines(
      'Das Kassenzeichen ist eine Nummer.',
      'Die Nummer gehört zu einem Haus oder Grundstück.',
      'Sie finden die Nummer auf Briefen von der Stadt.',
      'Zum Beispiel:',
      '1500.0000.0000',
    ),
    overviewSeveralObjects: lines(
      'Haben Sie mehr als 1 Haus oder Grundstück in der Stadt?',
      'Dann fügen Sie bitte zuerst nur 1 Kassenzeichen hinzu.',
      'Die anderen Kassenzeichen kommen danach von allein dazu.',
    ),
    overviewListLabel: 'Ihre Kassenzeichen',
    searchLabel: 'Kassenzeichen oder Adresse suchen',
    shownCount: (shown, total) => `Sie sehen ${shown} von ${total} Kassenzeichen.`,
    showMore: 'Weitere anzeigen',
    noMatch: 'Ihre Suche findet 0 Kassenzeichen.',
    role: { owner: 'Eigentümer', delivery_agent: 'Zustell-Vertreter' },
    statusConfirmed: 'Bestätigt',
    statusPending: (date) =>
      date ? `Ein Brief mit dem Bestätigungs-Code ist seit ${date} unterwegs` : 'Ein Brief mit dem Bestätigungs-Code ist unterwegs',
    addButton: 'Kassenzeichen hinzufügen',
    itemAction: (action, kassenzeichen) => `${action} ${kassenzeichen}`,
    address: (a) => `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`,
    enterCodeButton: 'Bestätigungscode eingeben',
    newCodeButton: 'Neuen Bestätigungs-Code bestellen',
    withdrawButton: 'Zurückziehen',
    removeButton: 'Entfernen',
    choiceTitle: 'Kassenzeichen hinzufügen',
    choiceIntro: 'Was möchten Sie tun?',
    choiceLetterHint: lines('Sie möchten ein Kassenzeichen hinzufügen?', 'Dann schickt die Stadt Ihnen einen Brief.'),
    choiceCodeHint: lines('Der Brief mit dem Bestätigungs-Code ist schon bei Ihnen?', 'Dann klicken Sie auf „Bestätigungscode eingeben“.'),
    formTitle: 'Kassenzeichen und Adresse',
    formIntro: lines('Bitte schreiben Sie das Kassenzeichen und die Adresse vom Haus.', 'Sie müssen alle Felder ausfüllen.'),
    labels: {
      kassenzeichen: 'Kassenzeichen',
      street: 'Straße',
      houseNumber: 'Haus-Nummer',
      postalCode: 'Post-Leitzahl',
      code: 'Bestätigungs-Code',
      codeFor: 'Für welches Kassenzeichen ist der Bestätigungs-Code?',
    },
    kassenzeichenHint: (example) =>
      lines('Zum Beispiel:', example, 'Die Nummer steht auf Briefen von der Stadt.', 'Die Punkte können Sie weglassen.'),
    codeHint: lines(
      'Der Bestätigungs-Code ist ein geheimes Wort aus Buchstaben und Zahlen.',
      'Er steht in dem Brief von der Stadt.',
      'Sie können große oder kleine Buchstaben schreiben.',
    ),
    next: 'Weiter',
    errorSummaryTitle: (count) => (count === 1 ? '1 Angabe fehlt oder ist falsch' : `${count} Angaben fehlen oder sind falsch`),
    errors: {
      required: {
        kassenzeichen: 'Bitte schreiben Sie das Kassenzeichen.',
        street: 'Bitte schreiben Sie die Straße.',
        houseNumber: 'Bitte schreiben Sie die Haus-Nummer.',
        postalCode: 'Bitte schreiben Sie die Post-Leitzahl.',
        code: 'Bitte schreiben Sie den Bestätigungs-Code.',
        role: 'Bitte wählen Sie: Eigentümer oder Zustell-Vertreter.',
        codeFor: 'Bitte wählen Sie das Kassenzeichen für den Bestätigungs-Code.',
      },
      tooLong: (max) => `Hier passen höchstens ${max} Zeichen hin.`,
      postalCode: lines('Die Post-Leitzahl hat 5 Zahlen.', 'Zum Beispiel:', '41061'),
      kassenzeichenDigits: (expected, given) =>
        lines(`Das Kassenzeichen hat ${expected} Zahlen.`, `Sie haben ${given} Zahlen geschrieben.`),
      kassenzeichenLetter: (letter) =>
        lines(
          'Im Kassenzeichen sind nur Zahlen.',
          `Sie haben den Buchstaben „${letter}“ geschrieben.`,
          `Meinen Sie die Zahl ${/[Oo]/.test(letter) ? '0' : '1'}?`,
        ),
      kassenzeichenCharacters: 'Im Kassenzeichen sind nur Zahlen und Punkte.',
      kassenzeichenForeignDigits: 'Bitte nehmen Sie die Zahlen 0 bis 9.',
      kassenzeichenTooLong: 'Das ist zu lang für ein Kassenzeichen.',
      mismatch: lines('Das Kassenzeichen und die Adresse passen nicht zusammen.', 'Bitte prüfen Sie beides.'),
      serverFormat: lines('Eine Angabe ist falsch.', 'Bitte prüfen Sie Ihre Angaben.'),
      wrongCode: (remaining) =>
        remaining === undefined
          ? lines('Der Bestätigungs-Code ist falsch.', 'Bitte prüfen Sie den Bestätigungs-Code.')
          : lines('Der Bestätigungs-Code ist falsch.', `Sie haben noch ${remaining} Versuche.`),
    },
    checkTitle: 'Sind Ihre Angaben richtig?',
    change: 'Ändern',
    confirm: 'Bestätigen',
    roleTitle: 'Eigentümer oder Zustell-Vertreter?',
    roleLegend: 'Was sind Sie für dieses Kassenzeichen?',
    roleDeliveryAgentHint: lines(
      'Eigentümer bedeutet: Ihnen gehört das Haus.',
      'Ein Zustell-Vertreter bekommt die Briefe für ein Haus.',
      'Das Haus gehört aber einer anderen Person.',
    ),
    ok: 'OK',
    letterTitle: 'Ihr Bestätigungs-Code kommt mit der Post',
    letterText: lines(
      'Die Stadt schickt Ihnen einen Brief.',
      'In dem Brief steht ein Bestätigungs-Code.',
      'Mit dem Bestätigungs-Code zeigen Sie:',
      'Das Kassenzeichen gehört zu Ihnen.',
      'Der Brief kommt in ein paar Tagen.',
    ),
    letterNext: lines(
      'Ist der Brief da?',
      'Dann klicken Sie hier auf „Kassenzeichen hinzufügen“.',
      'Dann klicken Sie auf „Bestätigungscode eingeben“.',
      'Dort schreiben Sie den Bestätigungs-Code.',
    ),
    toOverview: 'Zur Übersicht',
    codeTitle: 'Bestätigungscode eingeben',
    noPending: lines('Für den Bestätigungs-Code brauchen Sie zuerst einen Brief.', 'Bitte fügen Sie zuerst ein Kassenzeichen hinzu.'),
    doneTitle: 'Ihr Kassenzeichen gehört jetzt zu Ihrem Konto.',
    doneAutoLinked: lines('Diese Kassenzeichen gehören auch zu Ihnen.', 'Die Stadt fügt sie gleich hinzu:'),
    doneStart: 'Jetzt können Sie die Dienste mit Anmeldung nutzen.',
    servicesTitle: 'Dienste mit Anmeldung',
    servicesLocked: lines('Die Dienste mit Anmeldung brauchen ein Kassenzeichen.', 'Bitte fügen Sie zuerst Ihr Kassenzeichen hinzu.'),
    donePhone: lines('Fehlt ein Haus oder Grundstück?', 'Dann rufen Sie die Stadt bitte an:'),
    finish: 'Beenden',
    confirmLetterTitle: 'Möchten Sie einen neuen Bestätigungs-Code?',
    confirmLetterText: lines('Dann ist der alte Bestätigungs-Code ungültig.', 'Der neue Brief kommt in ein paar Tagen.'),
    confirmRemoveTitle: 'Möchten Sie das Kassenzeichen entfernen?',
    confirmRemoveText: lines(
      'Dann nimmt die Stadt das Kassenzeichen aus Ihrem Konto.',
      'Sie können es später wieder hinzufügen.',
      'Dafür brauchen Sie einen neuen Brief.',
    ),
    confirmWithdrawTitle: 'Möchten Sie die Anfrage zurückziehen?',
    confirmWithdrawText: 'Dann ist der Bestätigungs-Code aus dem Brief ungültig.',
    removed: lines('Fertig.', 'Ihre Übersicht ist jetzt neu.'),
    problems: {
      unreachable: 'Das Bürgerportal hat gerade eine Störung.',
      timeout: 'Das Bürgerportal hat gerade eine Störung.',
      server: lines('Beim Bürgerportal gibt es einen Fehler.', 'Bitte versuchen Sie es später noch einmal.'),
      maintenance: (time) => lines('Die Stadt repariert gerade das Bürgerportal.', `Bitte versuchen Sie es ab ${time} Uhr noch einmal.`),
      unexpected: lines('Das Bürgerportal antwortet falsch.', 'Bitte versuchen Sie es später noch einmal.'),
      rateLimited: (time) => lines('Es gibt gerade zu viele Anfragen.', `Bitte versuchen Sie es ab ${time} Uhr noch einmal.`),
      locked: (time) =>
        lines(
          'Sie haben den Bestätigungs-Code zu oft falsch geschrieben.',
          `Ab ${time} Uhr können Sie es wieder versuchen.`,
          'Oder Sie bestellen einen neuen Bestätigungs-Code.',
        ),
      expired: lines(
        'Dieser Bestätigungs-Code ist zu alt.',
        'Bitte bestellen Sie einen neuen Bestätigungs-Code.',
        'Der Brief kommt in ein paar Tagen.',
      ),
      alreadyLinked: 'Dieses Kassenzeichen gehört schon zu Ihrem Konto.',
      alreadyPending: lines('Für dieses Kassenzeichen ist schon ein Brief unterwegs.', 'Bitte warten Sie auf den Brief.'),
      conflict: 'Dieses Kassenzeichen ist schon in Ihrem Konto.',
      notFound: lines('Dieses Kassenzeichen ist schon weg aus Ihrem Konto.', 'Ihre Übersicht ist jetzt neu.'),
      letterCancelled: lines(
        'Sie haben die Anfrage abgebrochen.',
        'Vielleicht schickt die Stadt den Brief trotzdem.',
        'Sie können noch einmal auf „OK“ klicken.',
        'Die Stadt schickt dann nur 1 Brief.',
      ),
      offline: lines('Ihre Internet-Verbindung ist gerade weg.', 'Sie können später weitermachen.', 'Dafür brauchen Sie wieder Internet.'),
      signInAgain: 'Bitte melden Sie sich noch einmal an.',
    },
    loadFailed: lines('Beim Laden von Ihren Kassenzeichen gibt es einen Fehler.', 'Bitte versuchen Sie es noch einmal.'),
  },
  config: {
    title: 'Dieses Element ist falsch eingerichtet',
    intro: 'Hinweis für die Redaktion:',
    missing: (attribute) => `Das Attribut „${attribute}“ fehlt.`,
    invalidUrl: (attribute) => `Das Attribut „${attribute}“ ist keine gültige Adresse.`,
    needsHttps: (attribute) => `Das Attribut „${attribute}“ muss mit https:// anfangen.`,
    invalidValue: (attribute, allowed) => `Das Attribut „${attribute}“ erlaubt nur: ${allowed}.`,
    undeclaredBackend: (attribute, origin) =>
      `„${attribute}“ führt zu ${origin}. Diese Seite erlaubt diese Adresse nicht. Darum sendet das Element nichts. Ist die Adresse richtig? Dann erlaubt die IT sie im Kopf der Seite: <meta name="buergerportal-widgets-backends" content="${origin}/…">.`,
    loginNotFound: (id) => `Das Attribut „login“ nennt „${id}“. Auf der Seite gibt es dieses Element nicht.`,
    insecurePage: 'Die Anmeldung braucht HTTPS. Diese Seite hat kein HTTPS.',
    blockedByPolicy: (origin, directive) =>
      `Die Sicherheits-Regeln der Seite sperren ${origin}. Bitte ${origin} bei „${directive}“ eintragen.`,
    moduleMissing: (file) => `Die Datei ${file} fehlt. Sie gehört in den Ordner von buergerportal-widgets.js.`,
    discoveryFailed: (authority) => `Das Attribut „authority“ nennt keinen Anmelde-Dienst. Geprüft: ${authority}.`,
    issuerMismatch: (authority, issuer) => `Das Attribut „authority“ passt nicht. Es heißt ${authority}. Richtig ist: ${issuer}.`,
    bffRefused: (bffUrl, origin) => `Der BFF unter ${bffUrl} lehnt diese Seite ab. Bitte ${origin} in BFF_ALLOWED_ORIGINS eintragen.`,
    bffInvalid: (bffUrl) =>
      `Das Attribut „bff-url“ ist falsch. Unter ${bffUrl} ist kein Bürgerportal-BFF. Richtig ist die Adresse aus BFF_PUBLIC_URL.`,
    ignoredInBffMode: (attributes) => `Mit „bff-url“ braucht das Element diese Attribute nicht: ${attributes}.`,
    citizenHint: lines('Die Anmeldung hat gerade eine Störung.', 'Bitte versuchen Sie es später noch einmal.'),
  },
};
