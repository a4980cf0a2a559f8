// Writes the German editor's guide docs/redaktionsleitfaden.md. Its reference
// part (attributes, events, slots, parts, custom properties) comes from
// custom-elements.json, so it cannot drift from the code; a test compares.
// Usage: node scripts/editor-guide.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GUIDE_PATH = 'docs/redaktionsleitfaden.md';

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

function table(headers, rows) {
  if (rows.length === 0) return '_keine_\n';
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
}

function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement)
    .sort((a, b) => (a.tagName === 'servicekonto-login' ? -1 : b.tagName === 'servicekonto-login' ? 1 : 0));
}

function reference(element) {
  const publicProperties = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.privacy && !member.static && !(element.attributes ?? []).some((a) => a.fieldName === member.name),
  );
  return `### \`<${element.tagName}>\`

${element.summary}

${element.description}

**Attribute**

${table(['Attribut', 'Bedeutung'], (element.attributes ?? []).map((a) => [`\`${a.name}\``, a.description]))}
**Eigenschaften für Skripte der Seite**

${table(['Eigenschaft', 'Bedeutung'], publicProperties.map((p) => [`\`${p.name}\``, p.description]))}
**Ereignisse** (alle steigen auf und verlassen das Element; \`detail\` enthält nie Tokens oder persönliche Daten)

${table(['Ereignis', 'Bedeutung'], (element.events ?? []).map((e) => [`\`${e.name}\``, e.description]))}
**Slots**

${table(['Slot', 'Bedeutung'], (element.slots ?? []).map((s) => [`\`${s.name}\``, s.description]))}
**Teile für \`::part()\`**

${table(['Teil', 'Was'], (element.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]))}
**CSS-Variablen**

${table(['Variable', 'Wirkung'], (element.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description]))}`;
}

export function renderGuide(manifest) {
  const elements = elementsOf(manifest);
  return `# Leitfaden für Redaktionen: Bürgerportal-Elemente einbinden

<!-- Diese Datei wird mit \`npm run guide\` aus custom-elements.json erzeugt. Bitte nicht von Hand ändern. -->

Zwei Elemente bringen die Anmeldung mit dem Servicekonto.NRW (oder der BundID)
und das Hinterlegen von Kassenzeichen auf jede Seite Ihres Webauftritts:

- \`<servicekonto-login>\` – die Schaltfläche „Zum Servicekonto.NRW“, danach
  der Name der angemeldeten Person und „Abmelden“. Gehört meist in den Kopf der Seite.
- \`<kassenzeichen-manager>\` – der ganze Ablauf aus der Anleitung
  „Anmeldung im Bürgerportal“: Zustimmung, Übersicht, „Kassenzeichen
  hinzufügen“, Bestätigungscode per Post, „Bestätigungscode eingeben“, „Beenden“.

## In fünf Schritten eingebunden

1. **Dateien auf den eigenen Server legen.** Aus dem Ordner \`dist/\` gehören
   \`buergerportal-widgets.js\` und \`buergerportal-widgets.oidc.js\` in
   **denselben Ordner** Ihres Webservers, z. B. \`/fileadmin/buergerportal/\`.
   Wer lieber nur eine Datei ablegt, nimmt stattdessen
   \`buergerportal-widgets.bundle.js\` (alles in einer Datei; die Seite lädt
   dann etwa 39 statt 28 KB, bevor die Elemente erscheinen).
   Binden Sie die Dateien nicht von einem fremden CDN ein: Jeder Abruf dort
   überträgt die IP-Adresse der Bürgerinnen und Bürger an Dritte (DSGVO), und
   eine strikte Content-Security-Policy würde ihn ohnehin verbieten.
2. **Das Skript einmal pro Seite laden** (doppelt schadet nicht):

   \`\`\`html
   <script type="module" src="/fileadmin/buergerportal/buergerportal-widgets.js"></script>
   \`\`\`

3. **Die Elemente einfügen**, zum Beispiel:

   \`\`\`html
   <servicekonto-login id="login"
     authority="https://login.stadt.example/realms/buergerportal"
     client-id="buergerportal"></servicekonto-login>

   <kassenzeichen-manager login="login"
     backend-url="https://buergerportal.stadt.example/api"></kassenzeichen-manager>
   \`\`\`

   Ohne \`<servicekonto-login>\` auf der Seite bekommt \`<kassenzeichen-manager>\`
   selbst \`authority\` und \`client-id\`. Einen eigenen Rechtstext zur
   Datenübertragung setzen Sie so ein:

   \`\`\`html
   <kassenzeichen-manager login="login" backend-url="https://buergerportal.stadt.example/api">
     <div slot="consent-text"><p>Ihr Rechtstext …</p></div>
   </kassenzeichen-manager>
   \`\`\`

4. **Beim Anmeldedienst eintragen lassen** (Identity-Broker der Stadt, z. B. Keycloak):
   - öffentlicher Client (ohne Secret), Authorization Code Flow mit PKCE (S256);
   - **Redirect-URIs:** die genaue Adresse jeder Seite mit den Elementen, ohne
     Parameter (z. B. \`https://www.stadt.example/buergerportal/kassenzeichen\`);
     dieselben Adressen als **Post-Logout-Redirect-URIs**;
   - **Web Origins (CORS):** der Ursprung Ihres Webauftritts, z. B. \`https://www.stadt.example\`;
   - Refresh-Token für den Client erlauben (sonst endet die Sitzung mit dem Zugangstoken);
   - den Namen der Person (\`name\`) in das ID-Token aufnehmen.
5. **Testen:** Seite öffnen. Ist etwas falsch eingerichtet, zeigt das Element
   selbst einen roten Kasten „Dieses Element ist nicht richtig eingerichtet“
   und nennt das Attribut; die Browser-Konsole zeigt dieselbe Meldung.

## In Ihrem Redaktionssystem

**TYPO3.** Das Skript per TypoScript laden:

\`\`\`
page.includeJSFooter.buergerportal = fileadmin/buergerportal/buergerportal-widgets.js
page.includeJSFooter.buergerportal.type = module
\`\`\`

Die Elemente mit dem Inhaltselement „Reines HTML“ (HTML) einfügen. Wer sie im
Rich-Text-Editor (CKEditor 5) pflegen will, erlaubt die Tags in der RTE-Konfiguration:

\`\`\`yaml
editor:
  config:
    htmlSupport:
      allow:
        - { name: 'servicekonto-login', attributes: true }
        - { name: 'kassenzeichen-manager', attributes: true }
\`\`\`

**WordPress.** Den Block „Individuelles HTML“ (Custom HTML) verwenden und
Skript-Zeile und Elemente hineinkopieren (das Einfügen von \`<script>\` ist
Administratoren und Redakteuren mit der Berechtigung \`unfiltered_html\`
vorbehalten). Alternativ lädt das Theme das Skript:
\`wp_enqueue_script_module('buergerportal-widgets', '/wp-content/uploads/buergerportal/buergerportal-widgets.js');\`

**Drupal.** Im Textformat „Volles HTML“ (Full HTML) die Tags zulassen (bei
„Erlaubte HTML-Tags begrenzen“ \`<servicekonto-login id authority client-id provider idp-hint>\`
und \`<kassenzeichen-manager login backend-url support-phone kassenzeichen-format>\`
ergänzen) und die Elemente in der Quelltext-Ansicht einfügen. Das Skript lädt
eine Bibliothek des Themes (\`*.libraries.yml\`):

\`\`\`yaml
buergerportal:
  js:
    /libraries/buergerportal/buergerportal-widgets.js: { attributes: { type: module } }
\`\`\`

**Government Site Builder und andere.** Überall dort, wo eigenes HTML
möglich ist: Skript-Zeile und Elemente wie oben.

## Content-Security-Policy

Die Elemente funktionieren unter einer strikten CSP mit Trusted Types. Ein
passender Header (Adressen anpassen):

\`\`\`
Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
  connect-src 'self' https://login.stadt.example https://buergerportal.stadt.example;
  require-trusted-types-for 'script'; trusted-types lit-html
\`\`\`

- \`connect-src\` braucht den Anmeldedienst (\`authority\`) und das Backend (\`backend-url\`).
- \`trusted-types lit-html\`: die einzige Trusted-Types-Policy, die die
  Elemente anlegen (von der Bibliothek Lit). Kein \`unsafe-inline\`, kein \`unsafe-eval\`.
- Liegen die Skriptdateien auf einem anderen Server, gehört dieser zu \`script-src\`.

## Gestaltung

Die Elemente übernehmen die Schriftart der Seite, aber nicht ihre
Schriftgröße: Texte sind mindestens 16 px groß, Schaltflächen mindestens
24 × 24 px, auch wenn die Seite globale Stile setzt. Farben und Formen
passen Sie mit CSS-Variablen an, einzelne Teile mit \`::part()\`:

\`\`\`css
servicekonto-login, kassenzeichen-manager {
  --bp-color-primary: #00612e;
  --bp-color-focus: #b35900;
  --bp-radius: 0;
}
kassenzeichen-manager::part(heading) {
  font-family: "Stadtschrift", sans-serif;
}
\`\`\`

Achten Sie auf ausreichenden Kontrast (WCAG 2.1 AA: 4,5 : 1 für Text). Der
Hochkontrastmodus von Windows und die Einstellung „Bewegung reduzieren“
werden beachtet.

## Nachschlagen

${elements.map(reference).join('\n')}
`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync(GUIDE_PATH, renderGuide(manifest));
  console.log(`wrote ${GUIDE_PATH}`);
}
