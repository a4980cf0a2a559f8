import type { ManagerMessages } from './messages.js';

/*
 * The manager's German texts. Apart from the login's (de-login.ts): the script
 * for CMS pages ships them in the manager's own file, which adds them to the
 * catalog before its element draws (addGermanManagerTexts).
 */
export const deManager: ManagerMessages = {
  title: 'Ihre Kassenzeichen',
  signInIntro:
    'Um die anmeldepflichtigen Services des Bürgerportals nutzen zu können, melden Sie sich bitte an. Danach können Sie hier Ihr Kassenzeichen hinterlegen.',
  sessionExpired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  entriesKept: 'Ihre Eingaben bleiben erhalten.',
  entriesNotKept:
    'Ihr Browser kann Ihre Eingaben gerade nicht zwischenspeichern. Bitte lassen Sie dieses Fenster offen, bis Sie fertig sind.',
  loading: 'Ihre Daten werden geladen …',
  busy: 'Bitte warten …',
  cancel: 'Abbrechen',
  cancelRequest: 'Anfrage abbrechen',
  back: 'Zurück',
  retry: 'Erneut versuchen',
  signOut: 'Abmelden',
  consentTitle: 'Einmalige Zustimmung zur Datenübertragung',
  consentDefault:
    'Damit Sie das Bürgerportal nutzen können, werden Ihr Name und Ihre Anschrift aus Ihrem Nutzerkonto an das Bürgerportal übertragen. Die Daten werden nur verwendet, um Ihre Anliegen zu bearbeiten. Sie stimmen dem einmalig zu.',
  agree: 'Zustimmen',
  decline: 'Ablehnen',
  declinedTitle: 'Ohne Zustimmung nicht nutzbar',
  declinedText:
    'Ohne Ihre Zustimmung zur Datenübertragung können die anmeldepflichtigen Services des Bürgerportals nicht genutzt werden. Sie können jederzeit doch noch zustimmen.',
  reconsider: 'Doch zustimmen',
  overviewEmpty: 'Sie haben noch kein Kassenzeichen hinterlegt (Beispiel: 1500.0000.0000).',
  overviewSeveralObjects:
    'Sie sind Eigentümer oder Zustellvertreter von mehr als einem Objekt im Stadtgebiet? Fügen Sie bitte vorerst nur ein Kassenzeichen hinzu. Nachdem dieses Kassenzeichen bestätigt ist, werden die weiteren Kassenzeichen, die in unserem System für Sie hinterlegt sind, automatisch zugeordnet.',
  overviewListLabel: 'Hinterlegte Kassenzeichen',
  searchLabel: 'Kassenzeichen oder Anschrift suchen',
  shownCount: (shown, total) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} Kassenzeichen werden angezeigt.`,
  showMore: 'Weitere anzeigen',
  noMatch: 'Kein Kassenzeichen passt zu Ihrer Suche.',
  role: { owner: 'Eigentümer', delivery_agent: 'Zustellvertreter' },
  statusConfirmed: 'Bestätigt',
  statusPending: (date) => (date ? `Bestätigungscode am ${date} per Post angefordert` : 'Bestätigungscode per Post angefordert'),
  addButton: 'Kassenzeichen hinzufügen',
  enterCodeButton: 'Bestätigungscode eingeben',
  newCodeButton: 'Neuen Code anfordern',
  withdrawButton: 'Zurückziehen',
  removeButton: 'Entfernen',
  itemAction: (action, kassenzeichen) => `${action} ${kassenzeichen}`,
  address: (a) => `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`,
  choiceTitle: 'Kassenzeichen hinzufügen',
  choiceIntro: 'Was möchten Sie tun?',
  choiceLetterHint: 'Sie möchten ein Kassenzeichen hinterlegen. Wir schicken Ihnen dazu einen Bestätigungscode per Post.',
  choiceCodeHint: 'Der Brief mit Ihrem Bestätigungscode ist angekommen.',
  formTitle: 'Kassenzeichen und Anschrift',
  formIntro: 'Bitte geben Sie das Kassenzeichen und die Anschrift des Objekts ein. Alle Felder sind Pflichtfelder.',
  labels: {
    kassenzeichen: 'Kassenzeichen',
    street: 'Straße',
    houseNumber: 'Hausnummer',
    postalCode: 'Postleitzahl',
    code: 'Bestätigungscode',
    codeFor: 'Für welches Kassenzeichen?',
  },
  kassenzeichenHint: (example) =>
    `Zum Beispiel ${example}. Sie finden es auf Ihrem Abgabenbescheid. Punkte und Leerzeichen können Sie weglassen.`,
  codeHint: 'Der Code steht in dem Brief, den Sie per Post erhalten haben. Groß- und Kleinschreibung und Leerzeichen spielen keine Rolle.',
  next: 'Weiter',
  errorSummaryTitle: (count) =>
    count === 1 ? 'Eine Angabe fehlt oder ist nicht richtig' : `${count} Angaben fehlen oder sind nicht richtig`,
  errors: {
    required: {
      kassenzeichen: 'Bitte geben Sie das Kassenzeichen ein.',
      street: 'Bitte geben Sie die Straße ein.',
      houseNumber: 'Bitte geben Sie die Hausnummer ein.',
      postalCode: 'Bitte geben Sie die Postleitzahl ein.',
      code: 'Bitte geben Sie den Bestätigungscode ein.',
      role: 'Bitte wählen Sie aus, ob Sie Eigentümer oder Zustellvertreter sind.',
      codeFor: 'Bitte wählen Sie das Kassenzeichen aus, für das der Code gilt.',
    },
    tooLong: (max) => `Bitte geben Sie höchstens ${max} Zeichen ein.`,
    postalCode: 'Die Postleitzahl hat 5 Ziffern, zum Beispiel 41061.',
    kassenzeichenDigits: (expected, given) => `Das Kassenzeichen hat ${expected} Ziffern. Sie haben ${given} eingegeben.`,
    kassenzeichenLetter: (letter) =>
      `Das Kassenzeichen enthält nur Ziffern. Haben Sie den Buchstaben „${letter}“ statt der Ziffer ${/[Oo]/.test(letter) ? '0' : '1'} eingegeben?`,
    kassenzeichenCharacters: 'Das Kassenzeichen enthält nur Ziffern, Punkte und Leerzeichen.',
    kassenzeichenForeignDigits: 'Bitte verwenden Sie die Ziffern 0–9.',
    kassenzeichenTooLong: 'Diese Eingabe ist zu lang für ein Kassenzeichen.',
    mismatch: 'Kassenzeichen und Anschrift passen nicht zusammen. Bitte prüfen Sie beides.',
    serverFormat: 'Eine Angabe wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben.',
    wrongCode: (remaining) =>
      remaining === undefined
        ? 'Der Code stimmt nicht. Bitte prüfen Sie ihn.'
        : `Der Code stimmt nicht. Sie haben noch ${remaining} ${remaining === 1 ? 'Versuch' : 'Versuche'}.`,
  },
  checkTitle: 'Bitte prüfen Sie Ihre Angaben',
  change: 'Ändern',
  confirm: 'Bestätigen',
  roleTitle: 'Eigentümer oder Zustellvertreter?',
  roleLegend: 'Für dieses Kassenzeichen sind Sie',
  roleDeliveryAgentHint:
    'Zustellvertreter erhalten die Bescheide für ein Objekt, das ihnen nicht gehört – zum Beispiel als Hausverwaltung oder für Angehörige.',
  ok: 'OK',
  letterTitle: 'Ihr Bestätigungscode kommt per Post',
  letterText:
    'Wir schicken Ihnen einen Brief mit einem Bestätigungscode. Diesen Code benötigen Sie, um Ihr Konto dem Kassenzeichen zuzuordnen. Der Brief ist in der Regel in wenigen Tagen bei Ihnen.',
  letterNext: 'Wenn der Brief angekommen ist: Wählen Sie hier „Kassenzeichen hinzufügen“ und dann „Bestätigungscode eingeben“.',
  toOverview: 'Zur Übersicht',
  codeTitle: 'Bestätigungscode eingeben',
  noPending: 'Sie haben noch keinen Bestätigungscode angefordert. Fügen Sie zuerst ein Kassenzeichen hinzu.',
  doneTitle: 'Ihr Kassenzeichen ist nun hinzugefügt.',
  doneAutoLinked: 'Diese weiteren Kassenzeichen wurden Ihrem Konto automatisch zugeordnet:',
  doneStart: 'Jetzt können Sie mit einem anmeldepflichtigen Prozess beginnen.',
  servicesTitle: 'Übersicht der Services',
  servicesLocked: 'Um die anmeldepflichtigen Services nutzen zu können, müssen Sie Ihr Kassenzeichen hinterlegen.',
  donePhone: 'Falls nicht alle Ihre Objekte hinzugefügt wurden, rufen Sie uns bitte an:',
  finish: 'Beenden',
  confirmLetterTitle: 'Neuen Bestätigungscode anfordern?',
  confirmLetterText: 'Der bisherige Code wird damit ungültig. Der neue Brief ist in der Regel in wenigen Tagen bei Ihnen.',
  confirmRemoveTitle: 'Kassenzeichen entfernen?',
  confirmRemoveText:
    'Das Kassenzeichen wird von Ihrem Konto getrennt. Sie können es später wieder hinzufügen; dafür ist ein neuer Brief nötig.',
  confirmWithdrawTitle: 'Anfrage zurückziehen?',
  confirmWithdrawText: 'Der Bestätigungscode aus dem Brief wird damit ungültig.',
  removed: 'Erledigt. Ihre Übersicht ist aktualisiert.',
  problems: {
    unreachable: 'Der Dienst ist gerade nicht erreichbar.',
    timeout: 'Der Dienst antwortet gerade nicht.',
    server: 'Beim Bürgerportal ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    maintenance: (time) => `Das Bürgerportal wird gerade gewartet. Bitte versuchen Sie es ab ${time} Uhr erneut.`,
    unexpected: 'Das Bürgerportal hat unerwartet geantwortet. Bitte versuchen Sie es später erneut.',
    rateLimited: (time) => `Zu viele Anfragen. Bitte versuchen Sie es ab ${time} Uhr erneut.`,
    locked: (time) => `Zu viele Fehlversuche. Sie können den Code ab ${time} Uhr erneut eingeben oder einen neuen Code anfordern.`,
    expired: 'Dieser Bestätigungscode ist abgelaufen. Bitte fordern Sie einen neuen Code an; der Brief kommt in wenigen Tagen.',
    alreadyLinked: 'Dieses Kassenzeichen ist bereits mit Ihrem Konto verbunden.',
    alreadyPending: 'Für dieses Kassenzeichen wurde bereits ein Bestätigungscode angefordert. Bitte warten Sie auf den Brief.',
    conflict: 'Dieses Kassenzeichen ist bereits hinterlegt oder beantragt.',
    notFound: 'Dieses Kassenzeichen gibt es in Ihrem Konto nicht mehr. Ihre Übersicht ist aktualisiert.',
    letterCancelled:
      'Die Anfrage wurde abgebrochen. Wenn das Bürgerportal sie schon erhalten hatte, wird der Brief trotzdem verschickt. Sie können Ihre Angaben prüfen und erneut auf „OK“ klicken. Mit denselben Angaben wird dabei kein zweiter Brief verschickt.',
    offline: 'Sie sind offline. Sobald die Verbindung wieder da ist, können Sie weitermachen.',
    signInAgain: 'Bitte melden Sie sich erneut an.',
  },
  loadFailed: 'Ihre Kassenzeichen konnten nicht geladen werden.',
};
