import type { Messages } from './messages.js';

/*
 * Leichte Sprache (DIN SPEC 33429): short main clauses, one statement per
 * sentence, no passive, no abbreviations; hard words are explained where they
 * first matter. Buttons keep the words of the city's printed guide, so that
 * the guide still matches. A test holds every sentence to 12 words at most
 * and checks that each hard word is explained.
 */
export const deLs: Messages = {
  language: 'de-x-ls',
  login: {
    signInButton: { 'servicekonto-nrw': 'Zum Servicekonto.NRW', bundid: 'Mit BundID anmelden' },
    signedOutIntro: {
      'servicekonto-nrw':
        'Das Servicekonto ist Ihr Zugang zu Diensten im Internet. Manche Dienste brauchen eine Anmeldung. Dafür gehen Sie zum Servicekonto.NRW. Danach kommen Sie hierher zurück.',
      bundid:
        'Die BundID ist Ihr Zugang zu Diensten im Internet. Manche Dienste brauchen eine Anmeldung. Dafür gehen Sie zur BundID. Danach kommen Sie hierher zurück.',
    },
    registrationHint: 'Sie haben noch kein Konto?',
    registrationLink: 'Jetzt registrieren',
    signOutButton: 'Abmelden',
    signOutHint: 'Sind Sie fertig? Dann melden Sie sich bitte ab. Das Fenster schließen reicht nicht.',
    signedInAs: (name) => `Sie sind angemeldet als ${name}.`,
    checking: 'Wir prüfen Ihre Anmeldung.',
    signingIn: 'Sie kommen jetzt zur Anmeldung.',
    cancelled: 'Sie haben die Anmeldung abgebrochen. Sie können es noch einmal versuchen.',
    staleCallback: 'Die Anmeldung hat nicht geklappt. Bitte melden Sie sich noch einmal an.',
    sessionEnded: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich noch einmal an.',
    signedOutElsewhere: 'Sie haben sich in einem anderen Fenster abgemeldet.',
    copiedSessionEnded: 'Sie sind in einem anderen Fenster angemeldet. Hier melden Sie sich bitte noch einmal an.',
    signInFailed: 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
    retry: 'Erneut versuchen',
    storageBlocked:
      'Ihr Browser speichert für diese Seite nichts. Dann klappt die Anmeldung nicht. Bitte erlauben Sie das Speichern für diese Seite.',
    storageFull:
      'Der Speicher in Ihrem Browser ist voll. Dann klappt die Anmeldung nicht. Bitte löschen Sie die gespeicherten Daten von dieser Seite. Das geht in den Einstellungen vom Browser. Laden Sie dann die Seite neu.',
    browserUnsupported:
      'Mit diesem Browser klappt die Anmeldung nicht. Bitte nehmen Sie einen neuen Browser. Zum Beispiel: Firefox, Chrome, Edge oder Safari.',
    expiringTitle: 'Ihre Anmeldung endet bald',
    expiringText: (time) => `Ihre Anmeldung endet um ${time} Uhr. Das ist zu Ihrem Schutz. Möchten Sie angemeldet bleiben?`,
    extendButton: 'Sitzung verlängern',
    unavailable: 'Die Anmeldung geht gerade nicht. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
    managerUnavailable:
      'Ihre Kassenzeichen können wir gerade nicht zeigen. Bitte prüfen Sie Ihre Internet-Verbindung. Dann versuchen Sie es noch einmal.',
  },
  manager: {
    title: 'Ihre Kassenzeichen',
    signInIntro:
      'Manche Dienste vom Bürgerportal brauchen eine Anmeldung. Bitte melden Sie sich an. Danach können Sie hier Ihr Kassenzeichen eintragen.',
    sessionExpired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich noch einmal an.',
    entriesKept: 'Ihre Eingaben sind noch da.',
    entriesNotKept: 'Ihr Browser kann Ihre Eingaben gerade nicht speichern. Bitte lassen Sie dieses Fenster offen, bis Sie fertig sind.',
    loading: 'Wir laden Ihre Daten.',
    busy: 'Bitte warten Sie.',
    cancel: 'Abbrechen',
    cancelRequest: 'Anfrage abbrechen',
    back: 'Zurück',
    retry: 'Erneut versuchen',
    signOut: 'Abmelden',
    consentTitle: 'Ihre Zustimmung',
    consentDefault:
      'Das Bürgerportal braucht Ihren Namen und Ihre Adresse. Diese Daten kommen aus Ihrem Servicekonto. Die Stadt nutzt die Daten nur für Ihre Anliegen. Bitte stimmen Sie einmal zu.',
    agree: 'Zustimmen',
    decline: 'Ablehnen',
    declinedTitle: 'Sie haben nicht zugestimmt',
    declinedText: 'Ohne Ihre Zustimmung können Sie die Dienste mit Anmeldung nicht nutzen. Sie können später noch zustimmen.',
    reconsider: 'Doch zustimmen',
    overviewEmpty:
      'Das Kassenzeichen ist eine Nummer. Die Nummer gehört zu einem Haus oder Grundstück. Sie finden die Nummer auf Briefen von der Stadt. Beispiel: 1500.0000.0000.',
    overviewSeveralObjects:
      'Haben Sie mehr als ein Haus oder Grundstück in der Stadt? Dann tragen Sie bitte nur ein Kassenzeichen ein. Die anderen Kassenzeichen kommen danach von allein dazu.',
    overviewListLabel: 'Ihre Kassenzeichen',
    searchLabel: 'Kassenzeichen oder Adresse suchen',
    shownCount: (shown, total) => `Sie sehen ${shown} von ${total} Kassenzeichen.`,
    showMore: 'Weitere anzeigen',
    noMatch: 'Kein Kassenzeichen passt zu Ihrer Suche.',
    role: { owner: 'Eigentümer', delivery_agent: 'Zustellvertreter' },
    statusConfirmed: 'Bestätigt',
    statusPending: (date) => (date ? `Ein Brief mit dem Code ist seit ${date} unterwegs` : 'Ein Brief mit dem Code ist unterwegs'),
    addButton: 'Kassenzeichen hinzufügen',
    itemAction: (action, kassenzeichen) => `${action} ${kassenzeichen}`,
    address: (a) => `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`,
    enterCodeButton: 'Bestätigungscode eingeben',
    newCodeButton: 'Neuen Code anfordern',
    withdrawButton: 'Zurückziehen',
    removeButton: 'Entfernen',
    choiceTitle: 'Kassenzeichen hinzufügen',
    choiceIntro: 'Was möchten Sie tun?',
    choiceLetterHint: 'Sie möchten ein Kassenzeichen eintragen. Dann schicken wir Ihnen einen Brief.',
    choiceCodeHint: 'Der Brief mit dem Bestätigungscode ist schon bei Ihnen.',
    formTitle: 'Kassenzeichen und Adresse',
    formIntro: 'Bitte schreiben Sie das Kassenzeichen und die Adresse vom Haus. Sie müssen alle Felder ausfüllen.',
    labels: {
      kassenzeichen: 'Kassenzeichen',
      street: 'Straße',
      houseNumber: 'Hausnummer',
      postalCode: 'Postleitzahl',
      code: 'Bestätigungscode',
      codeFor: 'Für welches Kassenzeichen ist der Code?',
    },
    kassenzeichenHint: (example) =>
      `Zum Beispiel: ${example}. Die Nummer steht auf Briefen von der Stadt. Die Punkte müssen Sie nicht schreiben.`,
    codeHint:
      'Der Bestätigungscode ist ein geheimes Wort aus Buchstaben und Zahlen. Er steht in unserem Brief. Große oder kleine Buchstaben sind egal.',
    next: 'Weiter',
    errorSummaryTitle: (count) => (count === 1 ? 'Eine Angabe fehlt oder stimmt nicht' : `${count} Angaben fehlen oder stimmen nicht`),
    errors: {
      required: {
        kassenzeichen: 'Bitte schreiben Sie das Kassenzeichen.',
        street: 'Bitte schreiben Sie die Straße.',
        houseNumber: 'Bitte schreiben Sie die Hausnummer.',
        postalCode: 'Bitte schreiben Sie die Postleitzahl.',
        code: 'Bitte schreiben Sie den Bestätigungscode.',
        role: 'Bitte wählen Sie: Eigentümer oder Zustellvertreter.',
        codeFor: 'Bitte wählen Sie das Kassenzeichen für den Code.',
      },
      tooLong: (max) => `Hier passen nur ${max} Zeichen hin.`,
      postalCode: 'Die Postleitzahl hat 5 Zahlen. Zum Beispiel: 41061.',
      kassenzeichenDigits: (expected, given) => `Das Kassenzeichen hat ${expected} Zahlen. Sie haben ${given} Zahlen geschrieben.`,
      kassenzeichenLetter: (letter) =>
        `Im Kassenzeichen sind nur Zahlen. Sie haben den Buchstaben „${letter}“ geschrieben. Meinen Sie die Zahl ${/[Oo]/.test(letter) ? '0' : '1'}?`,
      kassenzeichenCharacters: 'Im Kassenzeichen sind nur Zahlen und Punkte.',
      kassenzeichenForeignDigits: 'Bitte nehmen Sie die Zahlen 0 bis 9.',
      kassenzeichenTooLong: 'Das ist zu lang für ein Kassenzeichen.',
      mismatch: 'Das Kassenzeichen passt nicht zu der Adresse. Bitte prüfen Sie beides.',
      serverFormat: 'Eine Angabe stimmt nicht. Bitte prüfen Sie Ihre Angaben.',
      wrongCode: (remaining) =>
        remaining === undefined
          ? 'Der Code stimmt nicht. Bitte prüfen Sie den Code.'
          : `Der Code stimmt nicht. Sie können es noch ${remaining} Mal versuchen.`,
    },
    checkTitle: 'Sind Ihre Angaben richtig?',
    change: 'Ändern',
    confirm: 'Bestätigen',
    roleTitle: 'Eigentümer oder Zustellvertreter?',
    roleLegend: 'Was sind Sie für dieses Kassenzeichen?',
    roleDeliveryAgentHint:
      'Eigentümer bedeutet: Ihnen gehört das Haus. Ein Zustellvertreter bekommt die Briefe für ein Haus. Das Haus gehört aber einer anderen Person.',
    ok: 'OK',
    letterTitle: 'Ihr Bestätigungscode kommt mit der Post',
    letterText:
      'Wir schicken Ihnen einen Brief. In dem Brief steht ein Bestätigungscode. Mit dem Code zeigen Sie: Das Kassenzeichen gehört zu Ihnen. Der Brief kommt in ein paar Tagen.',
    letterNext: 'Ist der Brief da? Dann wählen Sie hier „Kassenzeichen hinzufügen“. Dann wählen Sie „Bestätigungscode eingeben“.',
    toOverview: 'Zur Übersicht',
    codeTitle: 'Bestätigungscode eingeben',
    noPending: 'Sie haben noch keinen Brief bestellt. Bitte fügen Sie zuerst ein Kassenzeichen hinzu.',
    doneTitle: 'Ihr Kassenzeichen ist nun hinzugefügt.',
    doneAutoLinked: 'Diese Kassenzeichen gehören auch zu Ihnen. Wir haben sie gleich dazu genommen:',
    doneStart: 'Jetzt können Sie die Dienste mit Anmeldung nutzen.',
    servicesTitle: 'Übersicht der Services',
    servicesLocked: 'Die Dienste mit Anmeldung gehen erst mit Kassenzeichen. Bitte tragen Sie zuerst Ihr Kassenzeichen ein.',
    donePhone: 'Fehlt ein Haus oder Grundstück? Dann rufen Sie uns bitte an:',
    finish: 'Beenden',
    confirmLetterTitle: 'Möchten Sie einen neuen Code?',
    confirmLetterText: 'Dann gilt der alte Code nicht mehr. Der neue Brief kommt in ein paar Tagen.',
    confirmRemoveTitle: 'Möchten Sie das Kassenzeichen entfernen?',
    confirmRemoveText:
      'Dann gehört das Kassenzeichen nicht mehr zu Ihrem Konto. Sie können es später wieder hinzufügen. Dafür brauchen Sie einen neuen Brief.',
    confirmWithdrawTitle: 'Möchten Sie die Anfrage zurückziehen?',
    confirmWithdrawText: 'Dann gilt der Code aus dem Brief nicht mehr.',
    removed: 'Fertig. Ihre Übersicht ist jetzt neu.',
    problems: {
      unreachable: 'Das Bürgerportal antwortet gerade nicht.',
      timeout: 'Das Bürgerportal antwortet gerade nicht.',
      server: 'Beim Bürgerportal gibt es einen Fehler. Bitte versuchen Sie es später noch einmal.',
      maintenance: (time) => `Wir reparieren gerade das Bürgerportal. Bitte versuchen Sie es ab ${time} Uhr noch einmal.`,
      unexpected: 'Das Bürgerportal hat falsch geantwortet. Bitte versuchen Sie es später noch einmal.',
      rateLimited: (time) => `Es gab zu viele Anfragen. Bitte versuchen Sie es ab ${time} Uhr noch einmal.`,
      locked: (time) => `Der Code war zu oft falsch. Sie können ihn ab ${time} Uhr wieder eingeben. Oder Sie bestellen einen neuen Code.`,
      expired: 'Dieser Bestätigungscode gilt nicht mehr. Bitte bestellen Sie einen neuen Code. Der Brief kommt in ein paar Tagen.',
      alreadyLinked: 'Dieses Kassenzeichen gehört schon zu Ihrem Konto.',
      alreadyPending: 'Für dieses Kassenzeichen ist schon ein Brief unterwegs. Bitte warten Sie auf den Brief.',
      conflict: 'Dieses Kassenzeichen ist schon eingetragen.',
      notFound: 'Dieses Kassenzeichen ist nicht mehr in Ihrem Konto. Ihre Übersicht ist jetzt neu.',
      letterCancelled:
        'Sie haben die Anfrage abgebrochen. Vielleicht schickt die Stadt den Brief trotzdem. Sie können noch einmal auf „OK“ klicken. Die Stadt schickt dann nur 1 Brief.',
      offline: 'Sie haben gerade kein Internet. Sie können weitermachen, wenn das Internet wieder da ist.',
      signInAgain: 'Bitte melden Sie sich noch einmal an.',
    },
    loadFailed: 'Wir konnten Ihre Kassenzeichen nicht laden.',
  },
  config: {
    title: 'Dieses Element ist falsch eingerichtet',
    intro: 'Hinweis für die Redaktion:',
    missing: (attribute) => `Das Attribut „${attribute}“ fehlt.`,
    invalidUrl: (attribute) => `Das Attribut „${attribute}“ ist keine gültige Adresse.`,
    needsHttps: (attribute) => `Das Attribut „${attribute}“ muss mit https:// anfangen.`,
    invalidValue: (attribute, allowed) => `Das Attribut „${attribute}“ erlaubt nur: ${allowed}.`,
    undeclaredBackend: (attribute, origin) =>
      `„${attribute}“ führt zu ${origin}. Diese Seite erlaubt diese Adresse nicht. Darum wurde nichts gesendet. Ist die Adresse richtig? Dann erlaubt die IT sie im Kopf der Seite: <meta name="buergerportal-widgets-backends" content="${origin}/…">.`,
    loginNotFound: (id) => `Das Attribut „login“ nennt „${id}“. Auf der Seite gibt es dieses Element nicht.`,
    insecurePage: 'Die Anmeldung braucht HTTPS. Diese Seite hat kein HTTPS.',
    blockedByPolicy: (origin, directive) =>
      `Die Sicherheits-Regeln der Seite sperren ${origin}. Bitte ${origin} bei „${directive}“ eintragen.`,
    moduleMissing: 'Die Datei buergerportal-widgets.oidc.js fehlt. Sie gehört in den Ordner von buergerportal-widgets.js.',
    managerFileMissing: 'Die Datei buergerportal-widgets.manager.js fehlt. Sie gehört in den Ordner von buergerportal-widgets.js.',
    discoveryFailed: (authority) => `Das Attribut „authority“ nennt keinen Anmelde-Dienst. Geprüft: ${authority}.`,
    issuerMismatch: (authority, issuer) => `Das Attribut „authority“ passt nicht. Es heißt ${authority}. Richtig ist: ${issuer}.`,
    bffRefused: (bffUrl, origin) => `Der BFF unter ${bffUrl} lehnt diese Seite ab. Bitte ${origin} in BFF_ALLOWED_ORIGINS eintragen.`,
    bffInvalid: (bffUrl) =>
      `Das Attribut „bff-url“ ist falsch. Unter ${bffUrl} ist kein Bürgerportal-BFF. Richtig ist die Adresse aus BFF_PUBLIC_URL.`,
    ignoredInBffMode: (attributes) => `Mit „bff-url“ werden diese Attribute nicht gebraucht: ${attributes}.`,
    citizenHint: 'Die Anmeldung geht gerade nicht. Bitte versuchen Sie es später noch einmal.',
  },
};
