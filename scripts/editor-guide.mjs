// Writes the German editor's guide docs/redaktionsleitfaden.md. Its reference
// part (attributes, events, slots, parts, custom properties) comes from
// custom-elements.json, so it cannot drift from the code; a test compares.
// Usage: node scripts/editor-guide.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementsOf } from './manifest-elements.mjs';
import { ADMIN_ONLY_ATTRIBUTES, renderPlugin } from './wordpress-plugin.mjs';

export const GUIDE_PATH = 'docs/redaktionsleitfaden.md';

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

function table(headers, rows) {
  if (rows.length === 0) return '_keine_\n';
  return (
    [
      `| ${headers.join(' | ')} |`,
      `|${headers.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

/** The login first, then the manager. */
function elementsInGuideOrder(manifest) {
  return elementsOf(manifest).sort((a, b) => (a.tagName === 'servicekonto-login' ? -1 : b.tagName === 'servicekonto-login' ? 1 : 0));
}

function reference(element) {
  const publicProperties = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' && !member.privacy && !member.static && !(element.attributes ?? []).some((a) => a.fieldName === member.name),
  );
  return `### \`<${element.tagName}>\`

${element.summary}

${element.description}

**Attribute**

${table(
  ['Attribut', 'Bedeutung'],
  (element.attributes ?? []).map((a) => [`\`${a.name}\``, a.description]),
)}
**Eigenschaften für Skripte der Seite**

${table(
  ['Eigenschaft', 'Bedeutung'],
  publicProperties.map((p) => [`\`${p.name}\``, p.description]),
)}
**Ereignisse** (alle steigen auf und verlassen das Element; \`detail\` enthält nie Tokens oder persönliche Daten)

${table(
  ['Ereignis', 'Bedeutung'],
  (element.events ?? []).map((e) => [`\`${e.name}\``, e.description]),
)}
**Slots**

${table(
  ['Slot', 'Bedeutung'],
  (element.slots ?? []).map((s) => [`\`${s.name}\``, s.description]),
)}
**Teile für \`::part()\`**

${table(
  ['Teil', 'Was'],
  (element.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]),
)}
**CSS-Variablen**

${table(
  ['Variable', 'Wirkung'],
  (element.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description]),
)}
**Zustände für \`:state()\`**

${table(
  ['Zustand', 'Bedeutung'],
  (element.cssStates ?? []).map((s) => [`\`${s.name}\``, s.description]),
)}`;
}

/** The attributes of an element, for the allow-lists of the rich-text editors. */
function attributeList(element) {
  return ['id', ...(element.attributes ?? []).map((a) => a.name)].join(' ');
}

/** The same as PHP string arguments: 'id', 'authority', … */
function phpArguments(element) {
  return quoted(attributeList(element).split(' '));
}

function quoted(names) {
  return names.map((name) => `'${name}'`).join(', ');
}

/** The ckeditor5 packages the recipes are tested with (package.json: `ckeditor5-v44`: `npm:ckeditor5@44.3.0`, …). */
export function testedCkeditors() {
  const { devDependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return Object.entries(devDependencies)
    .filter(([name]) => /^ckeditor5-v\d+$/.test(name))
    .map(([name, spec]) => ({ name, version: spec.replace(/^npm:ckeditor5@/, '') }));
}
const CKEDITOR_VERSIONS = testedCkeditors()
  .map((ckeditor) => ckeditor.version)
  .join(' und ');

/** The files of dist/ that belong side by side on the city's server: the script and the files it loads itself. */
export const SCRIPT_FILES = [
  'buergerportal-widgets.js',
  'buergerportal-widgets.login.js',
  'buergerportal-widgets.session.js',
  'buergerportal-widgets.manager.js',
  'buergerportal-widgets.oidc.js',
  'buergerportal-widgets.en.js',
  'buergerportal-widgets.de-x-ls.js',
];
const NUMBER_WORDS = { 2: 'beiden', 3: 'drei', 4: 'vier', 5: 'fünf', 6: 'sechs', 7: 'sieben' };
/** „die fünf Dateien“ */
const theScriptFiles = `die ${NUMBER_WORDS[SCRIPT_FILES.length] ?? SCRIPT_FILES.length} Dateien`;
const scriptFileList = (last = 'und') =>
  SCRIPT_FILES.slice(0, -1)
    .map((file) => `\`${file}\``)
    .join(', ') + ` ${last} \`${SCRIPT_FILES.at(-1)}\``;

/**
 * CKEditor 5's General HTML Support (TYPO3, Drupal) keeps an element it does
 * not know only when the rule `$customElement` is allowed; a rule naming the
 * element alone drops it with its attributes (ckeditor/ckeditor5#13343).
 * The named rules then say which attributes stay. test/e2e/ckeditor.e2e runs
 * exactly this in CKEditor 5 at the versions TYPO3 13 and Drupal 11 ship.
 */
export function ckeditorAllowRules(manifest) {
  return [
    { name: '$customElement' },
    ...elementsInGuideOrder(manifest).map((element) => ({ name: element.tagName, attributes: attributeList(element).split(' ') })),
  ];
}

/** The TYPO3 RTE configuration (YAML) of the guide. */
export function typo3RteYaml(manifest) {
  const rules = ckeditorAllowRules(manifest).map((rule) =>
    rule.attributes
      ? `        - name: '${rule.name}'\n          attributes: [${quoted(rule.attributes)}]`
      : `        # fremde Elemente überhaupt behalten (ohne Attribute); erst die Regeln darunter nennen die Attribute\n        - name: '${rule.name}'`,
  );
  return `editor:
  config:
    htmlSupport:
      allow:
${rules.join('\n')}
processing:
  allowTags:
${elementsInGuideOrder(manifest)
  .map((element) => `    - ${element.tagName}`)
  .join('\n')}`;
}

/** Drupal's „Manuell bearbeitbare HTML-Tags“ and the allow-list of a text format without editor. */
export function drupalTagList(manifest) {
  return `${elementsInGuideOrder(manifest)
    .map((element) => `<${element.tagName} ${attributeList(element)}>`)
    .join(' ')} <div slot> <ul slot>`;
}

/** The part of the generated WordPress plugin that lets the tags through kses, cut from the plugin itself. */
function pluginCore(manifest) {
  const plugin = renderPlugin(manifest, '');
  const cut = (from, to) => {
    const start = plugin.indexOf(from);
    const end = plugin.indexOf(to, start);
    if (start < 0 || end < 0) throw new Error(`editor-guide: "${from}" … "${to}" not found in the WordPress plugin`);
    return plugin.slice(start, end + to.length);
  };
  return `${cut('/** Die Tags und die Attribute', '\n}\n')}\n${cut("add_filter('wp_kses_allowed_html'", '}, 10, 2);')}`;
}

export function renderGuide(manifest) {
  const elements = elementsInGuideOrder(manifest);
  const [login, manager] = elements;
  return `# Leitfaden: Bürgerportal-Elemente einbinden

<!-- Diese Datei wird mit \`npm run manifest\` aus custom-elements.json erzeugt. Bitte nicht von Hand ändern. -->

Zwei Elemente bringen die Anmeldung mit dem Servicekonto.NRW (oder der BundID)
und das Hinterlegen von Kassenzeichen auf jede Seite Ihres Webauftritts:

- \`<servicekonto-login>\` – die Schaltfläche „Zum Servicekonto.NRW“, danach
  der Name der angemeldeten Person und „Abmelden“. Gehört meist in den Kopf der Seite.
- \`<kassenzeichen-manager>\` – der ganze Ablauf aus der Anleitung
  „Anmeldung im Bürgerportal“: Zustimmung, Übersicht, „Kassenzeichen
  hinzufügen“, Bestätigungscode per Post, „Bestätigungscode eingeben“, „Beenden“.

Teil 1 ist für die **Redaktion** (Inhalte pflegen), Teil 2 für die **IT der
Stadt** (Server, Redaktionssystem, Anmeldedienst). Teil 3 ist das vollständige
Nachschlagewerk.

# Teil 1: Für die Redaktion

## Die Elemente einfügen

Ihre IT hat das Skript bereits für alle Seiten eingerichtet (Teil 2). Sie fügen
nur noch die Elemente ein – dort, wo eigenes HTML erlaubt ist:

\`\`\`html
<servicekonto-login id="login"
  authority="https://login.stadt.example/realms/buergerportal"
  client-id="buergerportal"></servicekonto-login>

<kassenzeichen-manager login="login"
  backend-url="https://buergerportal.stadt.example/api"></kassenzeichen-manager>
\`\`\`

Die Adressen bei \`authority\`, \`client-id\` und \`backend-url\` bekommen Sie von
Ihrer IT; sie sind auf allen Seiten gleich. Die Elemente senden das Token und die
Eingaben der Bürgerinnen und Bürger nur an die eigene Adresse der Seite und an
Backends, die die IT im Kopf der Seite freigegeben hat (Teil 2, „Backends
freigeben“); ist dort genau eines freigegeben, dürfen Sie \`backend-url\`
weglassen. Steht an einem Element eine andere Adresse, zeigt es einen Hinweis
für die Redaktion und sendet nichts.

- **TYPO3:** Inhaltselement **„HTML“** (Reines HTML), nicht „Text“ – der
  Rich-Text-Editor entfernt die Tags, solange die IT ihn nicht eigens
  eingerichtet hat (Teil 2, „TYPO3“).
- **WordPress:** Block **„Individuelles HTML“** (Custom HTML). Das klappt für
  alle Rollen, sobald die IT das Plugin „Bürgerportal-Elemente“ aktiviert hat.
- **Drupal:** einen Block oder ein Textfeld im Textformat **„Bürgerportal“**
  (von der IT eingerichtet, ein Textfeld ohne Editor).

### Was Sie einstellen können

- **Überschriften-Ebene:** Steht das Element unter einer Abschnittsüberschrift
  (\`<h2>\`) Ihrer Seite, geben Sie \`heading-level="3"\` an – dann ordnen sich
  alle Überschriften des Elements darunter ein:
  \`<kassenzeichen-manager heading-level="3" …>\`.
- **Kopfzeile:** Steht die Anmeldung in der Kopfzeile Ihrer Seite (neben dem
  Logo oder dem Menü), nehmen Sie \`<servicekonto-login compact …>\`: Es zeigt
  nur die Schaltfläche und „Jetzt registrieren“, nach der Anmeldung nur den
  Namen und „Abmelden“, und passt auch auf einem Smartphone (320 px) neben das
  Logo. Die volle Anmeldung mit ihren Sätzen gehört in den Inhalt der Seite;
  in einer Kopfzeile bricht sie auf mehrere Zeilen um.
- **Telefonnummer** für Objekte, die nicht automatisch zugeordnet wurden:
  \`support-phone="02161 49 10 10"\`.
- **Die Dienste der Stadt** („Übersicht der Services“): Ihre Links zu den
  Diensten, die ein bestätigtes Kassenzeichen brauchen, als Liste im Slot
  \`services\`. Sie erscheinen, sobald ein Kassenzeichen bestätigt ist, und
  gleich nach der Eingabe des Bestätigungscodes; vorher steht dort der Satz aus
  der Anleitung, und die Links sind nicht erreichbar:

  \`\`\`html
  <kassenzeichen-manager login="login" backend-url="https://buergerportal.stadt.example/api">
    <ul slot="services">
      <li><a href="/sepa-lastschriftmandat">SEPA-Lastschriftmandat erteilen</a></li>
      <li><a href="/abfallbehaelter">Abfallbehälter ändern</a></li>
      <li><a href="/gebuehrenbescheide">Gebührenbescheide ansehen</a></li>
    </ul>
  </kassenzeichen-manager>
  \`\`\`

  Ein Skript der Seite erkennt den Zustand an \`kassenzeichen-manager:state(confirmed)\`
  und am Ereignis \`kassenzeichen-changed\`.
- **Sprache:** Die Elemente sprechen die Sprache der Seite (\`<html lang="en">\`)
  oder ihre eigene (\`lang="en"\` am Element): Deutsch, Englisch und
  **Leichte Sprache** (\`lang="de-x-ls"\`, nach den Regeln des Netzwerks Leichte Sprache: ein Satz je Zeile, größere Schrift; die Schaltflächen
  behalten die Wörter der gedruckten Anleitung). Englisch und Leichte Sprache
  lädt das Skript selbst aus seinem Ordner; die Dateien
  \`buergerportal-widgets.en.js\` und \`buergerportal-widgets.de-x-ls.js\` gehören
  deshalb neben \`buergerportal-widgets.js\`.
- **Eigene Wörter:** Sagt Ihre Stadt „Debitornummer“ statt „Kassenzeichen“,
  ersetzt ein kleines Skript der Seite einzelne Texte, je Sprache (die IT legt
  es als Datei ab):

  \`\`\`js
  customElements.whenDefined('kassenzeichen-manager').then((Manager) => {
    Manager.setTexts('de', { manager: { labels: { kassenzeichen: 'Debitornummer' }, title: 'Ihre Debitornummern' } });
  });
  \`\`\`

  Alle Texte und ihre Namen stehen in \`src/i18n/de.ts\` des Pakets; mit
  einem Bundler ist \`setTexts\` aus \`buergerportal-widgets\` typgeprüft.
- **Eigener Rechtstext** zur Datenübertragung:

  \`\`\`html
  <kassenzeichen-manager login="login" backend-url="https://buergerportal.stadt.example/api">
    <div slot="consent-text"><p>Ihr Rechtstext …</p></div>
  </kassenzeichen-manager>
  \`\`\`

Ohne \`<servicekonto-login>\` auf der Seite bekommt \`<kassenzeichen-manager>\`
selbst \`authority\` und \`client-id\`.

## Prüfen: wer welche Meldung sieht

- **Einmal klicken:** Die Elemente fragen den Anmeldedienst erst, wenn er
  gebraucht wird – damit die Schaltfläche sofort da ist. Wählen Sie nach dem
  Einrichten deshalb einmal „Zum Servicekonto.NRW“: Erst dann zeigt sich, ob
  \`authority\` stimmt, ob die Dateien neben dem Skript liegen und ob die
  Content-Security-Policy den Anmeldedienst erlaubt.
- Ein **roter Kasten „Dieses Element ist nicht richtig eingerichtet“** mit
  „Hinweis für die Redaktion“ heißt: Ein Attribut fehlt oder ist falsch. Er
  nennt das Element und das Attribut (z. B. „Das Attribut „backend-url“ fehlt“);
  dieselbe Meldung steht in der Konsole des Browsers. Er erscheint nur, wenn
  die Einrichtung sicher falsch ist.
- Ist der Anmeldedienst oder das Bürgerportal **gerade nicht erreichbar**,
  sehen Bürgerinnen und Bürger einen einfachen Satz und „Erneut versuchen“ –
  keinen Kasten für die Redaktion. Die technische Ursache steht einmal in der
  Konsole.

## Farben und Schrift

Die Elemente übernehmen die Schriftart der Seite, aber nicht ihre
Schriftgröße: Ihre Texte sind so groß, wie die Bürgerin oder der Bürger die
Schrift im Browser eingestellt hat (meist 16 px), Schaltflächen mindestens
24 × 24 px, auch wenn die Seite globale Stile setzt.

**Kopfzeilen in jeder Farbe.** Steht \`<servicekonto-login>\` in einer dunklen
Kopfzeile, übernimmt es deren helle Schrift; Links sind unterstrichen, der
Fokusrahmen ist zweifarbig und auf hellem wie dunklem Grund sichtbar. Sie
müssen dafür nichts einstellen.

**Eigene Farben** stellen Sie mit CSS-Variablen ein. Sie gehören paarweise
zusammen – Hintergrund und die Schrift darauf:

| Paar | Wofür |
|---|---|
| \`--bp-color-surface\` / \`--bp-color-on-surface\` | alles, was die Elemente selbst zeichnen: der Bereich des Kassenzeichen-Elements, Felder, Kästen, Dialog |
| \`--bp-color-primary\` / \`--bp-color-on-primary\` | Hauptschaltflächen |
| \`--bp-color-focus\` / \`--bp-color-focus-inner\` | die beiden Ringe des Fokusrahmens |

Jeder Text steht auf einem dieser Paare; \`--bp-color-error\` und
\`--bp-color-border\` markieren nur (Rahmen, Balken) und tragen keinen Text.
Solange jedes Paar mindestens 4,5 : 1 Kontrast hat, bleibt jeder Text lesbar.
\`--bp-color-text\` färbt nur den Text, der direkt auf der Seite steht (die
Anmeldung in der Kopfzeile), nie den Warndialog.

\`\`\`css
/* Ein dunkles Farbschema */
servicekonto-login, kassenzeichen-manager {
  --bp-color-surface: #1e1e1e;
  --bp-color-on-surface: #f2f2f2;
  --bp-color-primary: #8ab4f8;
  --bp-color-on-primary: #0b0b0b;
  --bp-color-focus: #ffffff;
  --bp-color-focus-inner: #000000;
}
kassenzeichen-manager::part(heading) {
  font-family: "Stadtschrift", sans-serif;
}
\`\`\`

Der Hochkontrastmodus von Windows, die Einstellung „Bewegung reduzieren“ und
Werkzeuge für Zeichen- und Wortabstand (WCAG 1.4.12) werden beachtet.

# Teil 2: Für die IT der Stadt

## Dateien auf den eigenen Server

Aus dem Ordner \`dist/\` gehören ${theScriptFiles} ${scriptFileList()} in
**denselben Ordner** Ihres Webservers; das Skript lädt die anderen Dateien
selbst von dort, wenn es sie braucht (die Datei der Kassenzeichen-Verwaltung
nur auf Seiten mit \`<kassenzeichen-manager>\`, so erscheint die
Anmelde-Schaltfläche schneller). Wer nur eine Datei ablegen will,
nimmt \`buergerportal-widgets.bundle.js\` (alles in einer Datei). Binden Sie die
Dateien nicht von einem fremden CDN ein: Jeder Abruf dort überträgt die
IP-Adresse der Bürgerinnen und Bürger an Dritte (DSGVO), und eine strikte
Content-Security-Policy würde ihn verbieten.

Das Skript wird als **Modul** geladen, einmal pro Seite (doppelt schadet nicht):

\`\`\`html
<script type="module" src="/assets/buergerportal/buergerportal-widgets.js"></script>
\`\`\`

Werkzeuge, die Skripte **zusammenfassen, umbenennen oder verschieben**, dürfen
die Datei nicht anfassen: Aus einem Modul würde ein klassisches Skript, oder
die anderen Dateien lägen nicht mehr daneben. Die Elemente sagen es dann selbst
(„Die Datei buergerportal-widgets.manager.js konnte nicht geladen werden …“,
ebenso für \`…session.js\` und \`…oidc.js\`). Eine Versionsnummer im Dateinamen oder als
\`?…\` hinter der Adresse (TYPO3, WordPress) schadet nicht.
Wo sich das nicht abschalten lässt, nehmen Sie \`buergerportal-widgets.bundle.js\`.

### Platz freihalten: die Seite springt nicht

Bis das Skript geladen ist, sind die Elemente leer; danach schieben sie den
Inhalt darunter nach unten. Diese Regeln (auch als Datei
\`cms/keep-space.css\` im Paket) gehören einmal ins Stylesheet des Webauftritts;
dann bleibt die Verschiebung unter dem Grenzwert, den Suchmaschinen und
Lighthouse ansetzen (0,1):

\`\`\`css
${readFileSync('cms/keep-space.css', 'utf8').trim()}
\`\`\`

## Backends freigeben

Das Token und die Eingaben gehen nur an die eigene Adresse der Seite und an
Adressen, die der **Kopf der Seite** freigibt – dorthin reicht das HTML eines
Beitrags nicht. Ein Element, dessen \`backend-url\` (oder \`bff-url\`) auf
eine andere Adresse zeigt, sendet nichts und nennt der Redaktion den Grund.

\`\`\`html
<meta name="buergerportal-widgets-backends" content="https://buergerportal.stadt.example/api">
\`\`\`

Mehrere Adressen stehen mit Leerzeichen getrennt in \`content\`; es zählt der
Ursprung (Schema, Host, Port). Ist genau eine Adresse freigegeben, nimmt ein
\`<kassenzeichen-manager>\` ohne \`backend-url\` diese.

- **TYPO3** (TypoScript-Setup): \`page.meta.buergerportal-widgets-backends = https://buergerportal.stadt.example/api\`
- **WordPress:** Einstellungen → Allgemein → „Bürgerportal: freigegebene Backends“
  (eine Adresse je Zeile; das Plugin schreibt das \`<meta>\` in den Kopf, Filter
  \`buergerportal_widgets_backends\`).
- **Drupal** (in \`THEMA.theme\`):

  \`\`\`php
  function THEMA_page_attachments_alter(array &$attachments) {
    $attachments['#attached']['html_head'][] = [[
      '#tag' => 'meta',
      '#attributes' => ['name' => 'buergerportal-widgets-backends', 'content' => 'https://buergerportal.stadt.example/api'],
    ], 'buergerportal_widgets_backends'];
  }
  \`\`\`

## TYPO3

**Skript laden** (TypoScript-Setup der Seite). \`config.concatenateJs\` und
\`config.compressJs\` würden die Datei mit anderen zusammenfassen bzw. nach
\`typo3temp/\` kopieren – getrennt von den Dateien, die sie nachlädt. Deshalb für diese
Datei beides abschalten
([TypoScript-Referenz: includeJSFooter](https://docs.typo3.org/m/typo3/reference-typoscript/main/en-us/TopLevelObjects/Page/Index.html#confval-page-includejsfooter),
[config.concatenateJs](https://docs.typo3.org/m/typo3/reference-typoscript/main/en-us/TopLevelObjects/Config.html#confval-config-concatenatejs)):

\`\`\`
page.includeJSFooter.buergerportal = fileadmin/buergerportal/buergerportal-widgets.js
page.includeJSFooter.buergerportal {
  type = module
  excludeFromConcatenation = 1
  disableCompression = 1
}
\`\`\`

**Elemente einfügen.** Das Inhaltselement „HTML“ gibt seinen Inhalt unverändert
aus ([fluid_styled_content, Vorlage \`Html.html\`](https://github.com/TYPO3/typo3/blob/main/typo3/sysext/fluid_styled_content/Resources/Private/Templates/Html.html)).
Redakteursgruppen brauchen dafür die Erlaubnis für den Inhaltstyp „HTML“
(Backend-Benutzergruppe → „Zugriffsrechte“ → „Feldwerte explizit erlauben/verbieten“ → \`tt_content:CType:html\`).

Im **Rich-Text-Editor** (Inhaltselement „Text“) überleben die Tags nur, wenn
alle Stellen sie kennen: CKEditor 5 (\`htmlSupport\`), die Speicher-Umwandlung
(\`processing.allowTags\`), in TYPO3 12 die Ausgabe (\`lib.parseFunc_RTE.allowTags\`)
und der HTML-Sanitizer der Ausgabe (\`lib.parseFunc_RTE.htmlSanitize\`), der sich nur mit einer PHP-Klasse erweitern lässt
([TYPO3: HTML Sanitizer](https://docs.typo3.org/c/typo3/cms-core/main/en-us/Changelog/9.5.x/Important-94484-IntroduceHTMLSanitizer.html)).
Wir empfehlen deshalb das Inhaltselement „HTML“. Wer den Rich-Text-Editor
trotzdem will:

1. **RTE-Konfiguration (YAML)** ergänzen. Entscheidend ist die Regel
   \`$customElement\`: Ist nur der Name eines Elements erlaubt – auch mit
   \`attributes: true\` oder als regulärer Ausdruck –, entfernt CKEditor 5 es
   beim Laden samt Attributen ([ckeditor5#13343](https://github.com/ckeditor/ckeditor5/issues/13343)).
   Mit dieser Konfiguration bleiben beide Tags mit allen Attributen stehen,
   auch in einem Absatz, mit dem Inhalt ihrer Slots und nach der
   Quelltext-Ansicht (geprüft mit CKEditor 5
   ${CKEDITOR_VERSIONS} – laden, bearbeiten, speichern, wieder laden):

   \`\`\`yaml
${typo3RteYaml(manifest)
  .split('\n')
  .map((line) => `   ${line}`)
  .join('\n')}
   \`\`\`

   Andere unbekannte Elemente behält der Editor dabei ohne ihre Attribute; der
   Sanitizer der Ausgabe entfernt sie.

   **Wichtig:** Den _Inhalt_ eines eigenen Elements (Slots, aber auch alles, was
   eine Redakteurin dort hineinschreibt – \`<script>\`, \`<iframe>\`,
   \`onerror\`-Attribute) übernimmt CKEditor mit dieser Regel ungeprüft. Schutz
   bietet erst der HTML-Sanitizer der Ausgabe: \`lib.parseFunc_RTE.htmlSanitize\`
   muss überall eingeschaltet bleiben, wo das Feld ausgegeben wird (auch in
   Schnittstellen, Suchindex, Newsletter). Außerdem erlaubt diese Liste jeder
   Redakteurin \`authority\`, \`client-id\`, \`bff-url\` und die übrigen
   Einstellungen der Anmeldung: Die Anmeldung gehört deshalb besser ins
   Seiten-Template (TypoScript, Fluid), und im Text steht nur der Manager mit
   \`login="login"\` – wie es das WordPress-Plugin für Rollen ohne
   \`unfiltered_html\` erzwingt.
2. **Nur TYPO3 12** (und neuere Versionen, solange \`lib.parseFunc_RTE.allowTags\`
   im TypoScript-Objekt-Browser eine Liste ist): Die Ausgabe zeigt Tags, die dort
   fehlen, als Text. Im TypoScript-Setup ergänzen:

   \`\`\`
   lib.parseFunc_RTE.allowTags := addToList(servicekonto-login, kassenzeichen-manager)
   \`\`\`

3. Einen eigenen **Sanitizer** registrieren (\`ext_localconf.php\` einer Site-Extension):

   \`\`\`php
   $GLOBALS['TYPO3_CONF_VARS']['SYS']['htmlSanitizer']['default'] = \\Stadt\\Site\\Html\\BuergerportalSanitizerBuilder::class;
   \`\`\`

   \`\`\`php
   namespace Stadt\\Site\\Html;

   use TYPO3\\CMS\\Core\\Html\\DefaultSanitizerBuilder;
   use TYPO3\\HtmlSanitizer\\Behavior;

   final class BuergerportalSanitizerBuilder extends DefaultSanitizerBuilder
   {
       public function createBehavior(): Behavior
       {
           $login = (new Behavior\\Tag('servicekonto-login', Behavior\\Tag::ALLOW_CHILDREN))
               ->addAttrs(...$this->createAttrs(${phpArguments(login)}));
           $manager = (new Behavior\\Tag('kassenzeichen-manager', Behavior\\Tag::ALLOW_CHILDREN))
               ->addAttrs(...$this->createAttrs(${phpArguments(manager)}));
           return parent::createBehavior()->withTags($login, $manager);
       }
   }
   \`\`\`

## WordPress

- **Warum die Tags verschwinden:** WordPress filtert Inhalte mit *kses* für
  alle ohne die Berechtigung \`unfiltered_html\`; auf einer Multisite hat sie
  nur der Super-Admin ([Rollen und Berechtigungen](https://wordpress.org/documentation/article/roles-and-capabilities/#unfiltered_html)).
  Unbekannte Tags wie \`<servicekonto-login>\` entfernt kses.
- **Warum nicht über die Mediathek:** Sie nimmt \`.js\`-Dateien nur von Konten
  mit \`unfiltered_html\` an ([get_allowed_mime_types](https://developer.wordpress.org/reference/functions/get_allowed_mime_types/)),
  und ein \`<script>\` im Inhalt entfernt kses ebenso.
- **Die Lösung: das Plugin aus diesem Paket**,
  \`cms/wordpress/buergerportal-widgets/buergerportal-widgets.php\`. Legen Sie den
  Ordner \`buergerportal-widgets/\` nach \`wp-content/plugins/\` und darin
  ${theScriptFiles} aus \`dist/\` (${scriptFileList()}) in den Unterordner \`dist/\`; dann aktivieren.
  Das Plugin
  - lädt das Skript auf jeder Seite als Modul – ab WordPress 6.5 mit
    [\`wp_enqueue_script_module\`](https://developer.wordpress.org/reference/functions/wp_enqueue_script_module/),
    davor (z. B. 6.1) mit \`wp_enqueue_script\` und dem Filter
    [\`script_loader_tag\`](https://developer.wordpress.org/reference/hooks/script_loader_tag/), der \`type="module"\` setzt;
  - erlaubt über den Filter [\`wp_kses_allowed_html\`](https://developer.wordpress.org/reference/hooks/wp_kses_allowed_html/)
    genau die beiden Tags mit ihren Attributen (und \`slot\` an \`<div>\`) – keine
    Skripte, keine \`on…\`-Attribute, keine Stile. Niemand braucht dafür \`unfiltered_html\`.
    Wohin angemeldet und gesendet wird (${ADMIN_ONLY_ATTRIBUTES.map((name) => `\`${name}\``).join(', ')}),
    setzen nur Rollen mit \`unfiltered_html\` (deren Beiträge kses nicht filtert):
    Die Anmeldung steht im Theme, das Backend in der Einstellung oben;
  - schreibt die freigegebenen Backends in den Kopf jeder Seite (siehe „Backends freigeben“).

  Der Kern des Plugins (aus der Plugin-Datei):

  \`\`\`php
${pluginCore(manifest)
  .split('\n')
  .map((line) => (line ? `  ${line}` : ''))
  .join('\n')}
  \`\`\`

## Drupal

**Skript laden.** Eine Bibliothek im Theme (\`THEMA.libraries.yml\`), von der
Aggregation ausgenommen (\`preprocess: false\`), als Modul
([Drupal: Assets per *.libraries.yml](https://www.drupal.org/docs/theming-drupal/adding-assets-css-js-to-a-drupal-theme-via-librariesyml)):

\`\`\`yaml
buergerportal:
  js:
    /libraries/buergerportal/buergerportal-widgets.js: { preprocess: false, minified: true, attributes: { type: module } }
\`\`\`

${theScriptFiles[0].toUpperCase()}${theScriptFiles.slice(1)} (${scriptFileList()}) liegen dann in \`/libraries/buergerportal/\` unter dem
Drupal-Wurzelverzeichnis. **Anhängen** auf allen Seiten in \`THEMA.info.yml\`:

\`\`\`yaml
libraries:
  - THEMA/buergerportal
\`\`\`

(oder nur in einer Vorlage: \`{{ attach_library('THEMA/buergerportal') }}\`).

**Elemente einfügen.** Unter CKEditor 5 ist das Feld „Erlaubte HTML-Tags“
des Filters „Erlaubte HTML-Tags begrenzen und fehlerhaftes HTML korrigieren“
schreibgeschützt; es wird aus den Einstellungen des Editors gefüllt
([Drupal: CKEditor 5](https://www.drupal.org/docs/core-modules-and-themes/core-modules/ckeditor-5-module)).
Die Editor-Einstellung **„Quelltext bearbeiten“ → „Manuell bearbeitbare
HTML-Tags“ reicht für diese Tags nicht:** Drupal gibt sie CKEditor 5 als
Regeln mit dem Namen des Elements weiter, und CKEditor 5 entfernt beim Laden
beide Elemente samt Attributen; es behält fremde Elemente nur mit der Regel
\`$customElement\`, die sich dort nicht eintragen lässt (geprüft mit CKEditor 5
${CKEDITOR_VERSIONS}, dieselbe Schicht wie in TYPO3). Was funktioniert:

- **Ein eigenes Textformat „Bürgerportal“ ohne Editor** (Konfiguration →
  Textformate und Editoren → Textformat hinzufügen → Editor: keiner), mit dem
  Filter „Erlaubte HTML-Tags begrenzen und fehlerhaftes HTML korrigieren“ und
  dieser Liste, nur für die Rollen, die die Elemente pflegen. Die Redaktion
  fügt die Elemente dann in einem Block mit diesem Format ein:

  \`\`\`
  ${drupalTagList(manifest)}
  \`\`\`

- **Das Textformat „Full HTML“** (ohne diesen Filter): Dort erlaubt Drupal
  CKEditor 5 jedes Element, und beide Tags bleiben mit ihren Attributen stehen
  (ebenso geprüft) – aber dieses Format gehört nur Rollen, denen Sie
  beliebiges HTML anvertrauen.

## Beim Anmeldedienst eintragen

Beim Identity-Broker der Stadt (z. B. Keycloak) vor Servicekonto.NRW oder BundID:

- öffentlicher Client (ohne Secret), Authorization Code Flow mit PKCE (S256);
  Refresh-Token erlauben; den Namen (\`name\`) ins ID-Token aufnehmen;
- **Web Origins (CORS):** der Ursprung Ihres Webauftritts, z. B. \`https://www.stadt.example\`;
- **eine feste Anmeldeseite statt jeder Seite.** Steht \`<servicekonto-login>\`
  im Kopf jeder Seite, lässt sich nicht jede Seite als Redirect-URI eintragen.
  Legen Sie eine Seite an, z. B. \`https://www.stadt.example/anmeldung\`, die
  nur \`<servicekonto-login>\` mit denselben \`authority\` und \`client-id\` enthält,
  und setzen Sie auf allen Seiten \`redirect-uri="https://www.stadt.example/anmeldung"\`.
  Nach der Anmeldung schickt diese Seite die Person zurück auf die Seite, auf
  der sie „Zum Servicekonto.NRW“ gewählt hat (mit Parametern und Sprungmarke,
  nur innerhalb Ihres Webauftritts). Beim Anmeldedienst tragen Sie dann genau
  diese eine Adresse als **Redirect-URI** ein und die Seiten (oder ebenfalls
  diese) als **Post-Logout-Redirect-URI** (\`post-logout-redirect-uri\`).

### Wie lange eine Anmeldung hält (für die IT)

- **Ruhezeit statt Token-Laufzeit.** Die Anmeldung endet nach \`idle-timeout\`
  Sekunden ohne Eingabe oder Klick in den Elementen (Standard 1800, also 30 Minuten);
  die Warnung „Ihre Sitzung läuft bald ab“ erscheint 2 Minuten vorher. Kurze
  Access-Token (Keycloak: 300 Sekunden) werden unbemerkt mit dem Refresh-Token
  erneuert, solange die Person tätig ist. Die Frist gilt auch über Seitenwechsel
  und Neuladen hinweg; danach wird nichts mehr erneuert. Die „SSO Session Idle“
  des Realms sollte nicht kürzer sein als \`idle-timeout\`.
- **Gemeinsam genutzte Rechner.** Endet eine Anmeldung durch Zeitablauf oder
  „Abmelden“, widerruft das Element das Refresh-Token (RFC 7009, wenn der
  Anmeldedienst einen \`revocation_endpoint\` nennt – bei Keycloak ist das so),
  und die nächste Anmeldung in diesem Browser fragt das Passwort wieder ab
  (\`prompt=login\`). **Das Fenster zu schließen meldet nicht ab:** Mit
  \`token-storage="session"\` (Standard) endet die Anmeldung mit dem Tab, beim
  Anmeldedienst kann sie aber weiterlaufen, bis dessen Sitzung abläuft. Für
  Kiosk- und Bürgerbüro-Rechner setzen Sie deshalb \`max-age="0"\` (OpenID
  \`max_age\`: das Passwort bei jeder Anmeldung; im BFF-Modus \`BFF_MAX_AGE\`).
- **Rotierende Refresh-Tokens** („Revoke Refresh Token“ in Keycloak) sind
  unterstützt. Tabs geben einander keine Tokens weiter (jede Seite derselben
  Adresse könnte mitlesen): Ein dupliziertes Tab (eine Kopie der Anmeldung)
  legt das Refresh-Token nie vor, arbeitet mit seinem Access-Token weiter und
  bittet danach, sich dort neu anzumelden; kein Token wird zweimal vorgelegt.
- **Widerruf:** Der öffentliche Client muss das Refresh-Token ohne
  Client-Authentifizierung widerrufen dürfen (RFC 7009; Keycloak erlaubt es).
  Lehnt der Anmeldedienst ab (glewlwyd 2.7 verlangt Client-Authentifizierung),
  sagt die Konsole es mit seiner Antwort: Das Token bleibt dann bis zu seinem
  Ablauf gültig – dort die Laufzeit kurz halten oder den BFF-Modus nutzen.
- **Abmelden** widerruft zuerst das Refresh-Token und schickt dann
  \`client_id\`, \`post_logout_redirect_uri\` und das ID-Token (\`id_token_hint\`)
  als Formular (POST) an den \`end_session_endpoint\` – das ID-Token steht so nie
  in einer Adresse, und Keycloak muss nicht nachfragen. OpenID Connect
  RP-Initiated Logout verlangt, dass der Anmeldedienst POST und GET annimmt;
  nicht jeder tut es. Nimmt er POST nicht an, landet die Person auf seiner
  Fehlerseite. Dann setzen Sie \`sign-out-method="get"\` (im BFF-Modus
  \`BFF_END_SESSION_METHOD=get\`):

  | Anmeldedienst | POST | GET | Einstellung |
  |---|---|---|---|
  | Keycloak | ja | ja | \`post\` (Standard) |
  | oidc-provider | nur mit \`enableHttpPostMethods\` | ja (Standard) | \`post\` mit dieser Option, sonst \`get\` |
  | glewlwyd 2.7 | nein (404) | ja | \`get\` |

  **Was \`get\` bedeutet:** Das ID-Token (Name und Kennung der Person,
  signiert) steht dann in der Adresse – es landet in den Protokollen des
  Anmeldedienstes (und jedes Proxys dazwischen) und im Verlauf des Browsers.
  Wählen Sie \`get\` nur, wenn der Anmeldedienst POST nicht annimmt.
- **Rückkehr vom Anmeldedienst:** Das Element nimmt nur seine eigenen Antworten
  an (gespeicherter \`state\`, Pfad der \`redirect-uri\`), prüft \`iss\`
  (RFC 9207) sowie Aussteller, Empfänger, Ablauf und \`nonce\` des ID-Tokens.
  Parameter anderer Anwendungen auf derselben Seite bleiben unberührt.

## Mit BFF: keine Tokens im Browser (für die IT)

Wünscht die Informationssicherheit keine Tokens im Browser, betreibt die IT das
**Backend-for-Frontend (BFF)** auf dem eigenen Server: das eigene Paket
\`buergerportal-bff\` (\`npx buergerportal-bff\`, Einstellungen nur über
Umgebungsvariablen; Anleitung, Variablen und Routen in seiner README,
\`packages/bff/README.md\`). Die Redaktion
schreibt dann nur:

\`\`\`html
<servicekonto-login id="login" bff-url="/buergerportal-bff"></servicekonto-login>
<kassenzeichen-manager login="login"></kassenzeichen-manager>
\`\`\`

- \`authority\`, \`client-id\` und \`backend-url\` entfallen; der BFF meldet an und
  spricht allein mit dem Backend. Stehen sie trotzdem da, sagt die Konsole,
  dass sie nicht verwendet werden.
- Beim Anmeldedienst trägt die IT einen **vertraulichen Client** ein (mit
  Secret) mit den Adressen \`/callback\` (Redirect-URI), \`/signed-out\`
  (Post-Logout-Redirect-URI) und \`/backchannel-logout\` (Back-Channel-Logout)
  unter \`BFF_PUBLIC_URL\`.
- Am besten liegt der BFF hinter dem Reverse-Proxy des Webauftritts unter
  demselben Ursprung (z. B. \`https://www.stadt.example/buergerportal-bff\`):
  dann genügt \`connect-src 'self'\`, und es gibt kein CORS. Mehrere Prozesse
  teilen sich die Sitzungen über Redis (\`BFF_SESSION_STORE=redis://…\`).
  Mit \`BFF_STORE_KEY\` (32 zufällige Bytes in Base64, z. B.
  \`openssl rand -base64 32\`, für alle Prozesse derselbe) legt der BFF alles
  verschlüsselt in Redis ab (AES-256-GCM): Wer Redis oder eine Sicherung davon
  liest, findet kein verwendbares Token. Ein neuer Schlüssel beendet die
  laufenden Anmeldungen.
- Ruhezeit und Höchstdauer der Anmeldung stellt die IT am BFF ein
  (\`BFF_SESSION_IDLE_SECONDS\`, \`BFF_SESSION_MAX_SECONDS\`); \`idle-timeout\` am
  Element gilt dann nicht.
- Nimmt der BFF die Seite nicht an, nennt das Element der Redaktion den
  fehlenden Eintrag in \`BFF_ALLOWED_ORIGINS\`; führt \`bff-url\` zu keinem BFF,
  sagt es auch das.

## Content-Security-Policy

Die Elemente funktionieren unter einer strikten CSP mit Trusted Types:

\`\`\`
Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
  connect-src 'self' https://login.stadt.example https://buergerportal.stadt.example;
  require-trusted-types-for 'script'; trusted-types lit-html
\`\`\`

- \`connect-src\` braucht den Anmeldedienst (\`authority\`) und das Backend (\`backend-url\`).
  Fehlt einer, nennen die Elemente der Redaktion Adresse und Richtlinie.
- \`trusted-types lit-html\`: die einzige Trusted-Types-Policy, die die
  Elemente anlegen. Kein \`unsafe-inline\`, kein \`unsafe-eval\`. Wird das
  Skript auf einer Seite zweimal geladen (etwa von einem Theme und einem Plugin)
  oder nutzt ein anderes Lit-Element der Seite dieselbe Policy, schreiben Sie
  \`trusted-types lit-html 'allow-duplicates'\`.

## Feste Kopfzeilen und Cookie-Banner

Was die Elemente selbst fokussieren (Überschrift eines Schritts,
Fehlerübersicht, Feld) und was Bürgerinnen und Bürger mit der Tabulatortaste
erreichen, rollen die Elemente so, dass eine feste Kopfzeile oder ein
Cookie-Banner es nicht verdeckt (WCAG 2.4.11). Für den Rest Ihrer Seite setzen
Sie die Höhe einer festen Kopfzeile als
[\`scroll-padding-top\`](https://developer.mozilla.org/de/docs/Web/CSS/scroll-padding-top):

\`\`\`css
html { scroll-padding-top: 12rem; } /* Höhe der festen Kopfzeile plus etwas Luft */
\`\`\`

# Teil 3: Nachschlagen

${elements.map(reference).join('\n')}
`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync(GUIDE_PATH, renderGuide(manifest));
  console.log(`wrote ${GUIDE_PATH}`);
}
