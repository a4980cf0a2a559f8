import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { drupalTagList, testedCkeditors, typo3RteYaml } from '../../scripts/editor-guide.mjs';
import { useSite } from './browser.mjs';

/*
 * The editor's guide's rich-text recipes in the real editor: TYPO3 and Drupal
 * both edit rich text with CKEditor 5, whose General HTML Support decides
 * which tags survive. For each ckeditor5 version of package.json – 45.2.2 is
 * what Drupal 11.2 ships (drupal.org issue 3544581); TYPO3 13.4 LTS ships a
 * v44 or v45 build whose exact version could not be read from TYPO3's sources
 * here, so both majors run – the guide's exact configuration loads a
 * page with both elements – every attribute set, one inside a paragraph, the
 * manager with a slot – then the text is edited, the source view opened and
 * closed, the data saved and loaded again. What the guide says does not keep
 * the tags is shown not to.
 */

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
const attributesOf = (tag) => ['id', ...elements.find((element) => element.tagName === tag).attributes.map((attribute) => attribute.name)];

/** Every attribute with a value: what an editor may have written. */
function tagWithAllAttributes(tag, content = '') {
  const values = attributesOf(tag).map((name) => (name === 'compact' ? 'compact' : `${name}="${name === 'id' ? tag : `wert-${name}`}"`));
  return `<${tag} ${values.join(' ')}>${content}</${tag}>`;
}

const SERVICES = '<ul slot="services"><li><a href="https://www.stadt.example/abfall">Abfallkalender</a></li></ul>';
const PAGE = [
  '<h2>Kassenzeichen</h2>',
  '<p>Melden Sie sich an.</p>',
  tagWithAllAttributes('servicekonto-login'),
  tagWithAllAttributes('kassenzeichen-manager', SERVICES),
  `<p>In der Zeile: ${tagWithAllAttributes('servicekonto-login').replace('id="servicekonto-login"', 'id="login-inline"')} und weiter.</p>`,
].join('');

/** The rules Drupal makes of „Manuell bearbeitbare HTML-Tags“ (HTMLRestrictions::toGeneralHtmlSupportConfig). */
function drupalGeneratedRules(list) {
  return [...list.matchAll(/<([a-z][a-z0-9-]*)((?: [a-z-]+)*)>/g)].map(([, name, attributes]) => ({
    name,
    attributes: attributes
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((key) => ({ key, value: true })),
  }));
}

const TYPO3 = YAML.parse(typo3RteYaml(manifest)).editor.config.htmlSupport;
const CASES = {
  'the TYPO3 recipe': { htmlSupport: TYPO3, keeps: true },
  // „Full HTML“: Drupal's ckeditor5_arbitraryHtmlSupport.
  'Drupal’s „Full HTML“': {
    htmlSupport: { allow: [{ name: { regexp: '.*' }, attributes: true, classes: true, styles: true }] },
    keeps: true,
  },
  // What the guide says does not work.
  'Drupal’s „Manuell bearbeitbare HTML-Tags“': { htmlSupport: { allow: drupalGeneratedRules(drupalTagList(manifest)) }, keeps: false },
  'the names alone (the recipe before)': {
    htmlSupport: { allow: TYPO3.allow.filter((rule) => rule.name !== '$customElement').map((rule) => ({ ...rule, attributes: true })) },
    keeps: false,
  },
};

/** In the page: load, edit, source view, save, load again – with the ckeditor5 browser build at `src`. */
async function loadEditSave({ src, htmlSupport, data }) {
  const ckeditor = await import(src);
  const regexps = (value) =>
    Array.isArray(value)
      ? value.map(regexps)
      : value && typeof value === 'object'
        ? 'regexp' in value
          ? new RegExp(value.regexp)
          : Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, regexps(inner)]))
        : value;
  const { ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, Link, List, GeneralHtmlSupport, SourceEditing } = ckeditor;
  const create = async (initialData) => {
    const host = document.createElement('div');
    document.body.append(host);
    return ClassicEditor.create(host, {
      licenseKey: 'GPL',
      plugins: [Essentials, Paragraph, Heading, Bold, Italic, Link, List, GeneralHtmlSupport, SourceEditing],
      htmlSupport: regexps(htmlSupport),
      initialData,
    });
  };
  const editor = await create(data);
  editor.model.change((writer) => {
    const paragraph = [...editor.model.document.getRoot().getChildren()].find((child) => child.is('element', 'paragraph'));
    writer.insertText(' Bitte jetzt.', paragraph, 'end');
  });
  const source = editor.plugins.get('SourceEditing');
  source.isSourceEditingMode = true;
  source.isSourceEditingMode = false;
  const saved = editor.getData();
  await editor.destroy();
  const again = await create(saved);
  const reloaded = again.getData();
  await again.destroy();

  const custom = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return [...template.content.querySelectorAll('servicekonto-login, kassenzeichen-manager')].map((element) => ({
      tag: element.localName,
      attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
      slot: element.querySelector('[slot]')?.outerHTML ?? null,
      inParagraph: element.parentElement?.localName === 'p',
    }));
  };
  return { version: globalThis.CKEDITOR_VERSION, saved, reloaded, before: custom(data), after: custom(saved) };
}

describe('rich-text recipes in CKEditor 5 (TYPO3, Drupal)', () => {
  const ckeditors = testedCkeditors();
  const site = useSite((req, res) => {
    const [, version, file] = new URL(req.url, 'http://x').pathname.split('/');
    if (ckeditors.some((ckeditor) => ckeditor.name === version) && file === 'ckeditor5.js') {
      return void res
        .writeHead(200, { 'Content-Type': 'text/javascript' })
        .end(readFileSync(`node_modules/${version}/dist/browser/ckeditor5.js`));
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="de"><title>Editor</title>');
  });

  test('two majors are tested: 44 and 45 (TYPO3 13.4 LTS, Drupal 11.2)', () => {
    assert.deepEqual(
      ckeditors.map((ckeditor) => ckeditor.version.split('.')[0]),
      ['44', '45'],
    );
  });

  for (const { name, version } of ckeditors) {
    test(`ckeditor5 ${version}: load → edit → save keeps both tags with the recipes, and only with them`, async () => {
      const page = await site.browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(site.origin);
      for (const [label, { htmlSupport, keeps }] of Object.entries(CASES)) {
        const result = await page.evaluate(loadEditSave, { src: `${site.origin}/${name}/ckeditor5.js`, htmlSupport, data: PAGE });
        assert.equal(result.version, version);
        assert.match(result.saved, /Melden Sie sich an\. Bitte jetzt\./, `${label}: the edit is saved`);
        assert.deepEqual(
          result.before.map((element) => [element.tag, Object.keys(element.attributes).length, !!element.slot, element.inParagraph]),
          [
            ['servicekonto-login', attributesOf('servicekonto-login').length, false, false],
            ['kassenzeichen-manager', attributesOf('kassenzeichen-manager').length, true, false],
            ['servicekonto-login', attributesOf('servicekonto-login').length, false, true],
          ],
        );
        if (keeps) {
          assert.deepEqual(result.after, result.before, `${label}: both tags, every attribute, the slot`);
          assert.equal(result.reloaded, result.saved, `${label}: loading the saved text changes nothing`);
        } else {
          assert.deepEqual(result.after, [], `${label}: CKEditor drops the tags – the guide must say so`);
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
