import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GUIDE_PATH, SCRIPT_FILES, renderGuide } from '../../scripts/editor-guide.mjs';
import { renderPlugin } from '../../scripts/wordpress-plugin.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

test('the editor guide is generated from the current custom-elements.json', () => {
  assert.ok(
    readFileSync(GUIDE_PATH, 'utf8') === renderGuide(manifest),
    `${GUIDE_PATH} is stale: run \`npm run manifest\` and commit the result`,
  );
});

test('the guide names every attribute, event, slot, part and custom property of both elements', () => {
  const guide = readFileSync(GUIDE_PATH, 'utf8');
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.equal(elements.length, 2);
  for (const element of elements) {
    const names = [
      ...(element.attributes ?? []).map((a) => a.name),
      ...(element.events ?? []).map((e) => e.name),
      ...(element.slots ?? []).map((s) => s.name),
      ...(element.cssParts ?? []).map((p) => p.name),
      ...(element.cssProperties ?? []).map((p) => p.name),
    ];
    for (const name of names) assert.ok(guide.includes(`\`${name}\``), `${element.tagName}: ${name} missing from the guide`);
    for (const item of [
      ...(element.attributes ?? []),
      ...(element.events ?? []),
      ...(element.cssParts ?? []),
      ...(element.cssProperties ?? []),
    ]) {
      assert.ok(item.description, `${element.tagName}: ${item.name} has no description in custom-elements.json`);
    }
  }
});

test('the guide recommends `compact` for a login in a page header (issue 19.6)', () => {
  const guide = readFileSync(GUIDE_PATH, 'utf8');
  assert.match(guide, /\*\*Kopfzeile:\*\*[^*]*Kopfzeile Ihrer Seite[^*]*<servicekonto-login compact …>/);
});

test('the guide names every file the script loads, and no section speaks of two files (issue 24, item 4)', () => {
  const built = readdirSync('dist').filter(
    (name) => /^buergerportal-widgets(\.[a-z-]+)?\.js$/.test(name) && name !== 'buergerportal-widgets.bundle.js',
  );
  assert.deepEqual([...built].sort(), [...SCRIPT_FILES].sort());
  const guide = readFileSync(GUIDE_PATH, 'utf8');
  assert.doesNotMatch(guide, /beiden Dateien|zweite(n)? Datei/);
  assert.equal(guide.match(/die sieben Dateien|Die sieben Dateien/g)?.length, 3, 'IT files, WordPress, Drupal');
});

test('the guide’s WordPress snippet is cut from the plugin itself', () => {
  const guide = readFileSync(GUIDE_PATH, 'utf8');
  const plugin = renderPlugin(manifest, '');
  const filter = plugin.slice(plugin.indexOf("add_filter('wp_kses_allowed_html'"), plugin.indexOf('}, 10, 2);') + '}, 10, 2);'.length);
  const indented = filter
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  assert.ok(guide.includes(indented), 'the kses filter as the plugin has it');
});
