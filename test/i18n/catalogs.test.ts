import { expect } from '@open-wc/testing';
import { de } from '../../src/i18n/de.js';
import { deLs } from '../../src/i18n/de-x-ls.js';
import { en } from '../../src/i18n/en.js';
import { deManager } from '../../src/i18n/de-manager.js';
import { addGermanManagerTexts, fallbackChain, messagesFor, registerMessages, setTexts } from '../../src/i18n/localize.js';
import type { Messages } from '../../src/i18n/messages.js';

/** Every text of a catalog, functions called with sample values. */
function texts(catalog: Messages): string[] {
  const out: string[] = [];
  const samples: Record<string, unknown[]> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') {
      const args = samples[path] ?? [2, 3, 'x'];
      const result = (value as (...args: unknown[]) => unknown)(...args);
      if (typeof result === 'string') out.push(result);
    } else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  samples['.manager.address'] = [{ street: 'Musterstraße', houseNumber: '12a', postalCode: '41061', city: 'Mönchengladbach' }];
  samples['.manager.statusPending'] = ['27.11.2026'];
  samples['.login.signedInAs'] = ['Erika Mustermann'];
  samples['.login.expiringText'] = ['14:05'];
  walk(catalog, '');
  return out.filter((text) => text !== catalog.language);
}

/** Sentences of a text: split after . ! ? : (not inside numbers such as 1500.0000.0000 or 14:05). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The words Leichte Sprache must explain where it uses them, and how an explanation reads. */
const HARD_WORDS: Record<string, RegExp> = {
  Kassenzeichen: /Das Kassenzeichen ist /,
  Bestätigungscode: /Der Bestätigungscode ist /,
  Zustellvertreter: /Ein Zustellvertreter bekommt /,
  Eigentümer: /Eigentümer bedeutet: /,
  Servicekonto: /Das Servicekonto ist /,
  BundID: /Die BundID ist /,
};

/** Words that have no place in Leichte Sprache here: jargon and abbreviations. */
const FORBIDDEN = [
  'Objekt',
  'Abgabenbescheid',
  'Datenübertragung',
  'Websitedaten',
  'z. B.',
  'ggf.',
  'bzw.',
  'Session',
  'Sitzung läuft',
  'wird ',
  'werden ',
];

describe('Leichte Sprache (de-x-ls)', () => {
  const all = texts(deLs).filter((text) => !Object.values(deLs.config).includes(text as never));
  // The editor's box is for web editors; its texts are short too, but name attributes and URLs.
  const citizen = [...texts({ ...deLs, config: {} as Messages['config'] })];

  it('has no sentence longer than 12 words', () => {
    const long = citizen.flatMap(sentences).filter((sentence) => sentence.split(/\s+/).length > 12);
    expect(long).to.deep.equal([]);
  });

  it('explains every hard word it uses', () => {
    const joined = all.join('\n');
    const unexplained = Object.entries(HARD_WORDS)
      .filter(([word]) => joined.includes(word))
      .filter(([, explanation]) => !explanation.test(joined))
      .map(([word]) => word);
    expect(unexplained).to.deep.equal([]);
  });

  it('uses no jargon, abbreviation or passive', () => {
    const found = citizen.flatMap((text) => FORBIDDEN.filter((word) => text.includes(word)).map((word) => `${word}: ${text}`));
    expect(found).to.deep.equal([]);
  });

  it("keeps the guide's words on the buttons", () => {
    for (const key of ['addButton', 'enterCodeButton', 'agree', 'ok', 'next', 'finish', 'confirm'] as const)
      expect(deLs.manager[key]).to.equal(de.manager[key]);
    expect(deLs.login.signInButton).to.deep.equal(de.login.signInButton);
  });

  it('is complete and differs from German in its sentences', () => {
    expect(texts(deLs).length).to.equal(texts(de).length);
    expect(deLs.manager.codeHint).not.to.equal(de.manager.codeHint);
  });
});

describe('catalog lookup', () => {
  it('walks the language tag: de-x-ls, then de; de-DE to de; en-GB to en', () => {
    expect(fallbackChain('de-x-ls')).to.deep.equal(['de-x-ls', 'de']);
    expect(fallbackChain('de-DE')).to.deep.equal(['de-de', 'de']);
    expect(fallbackChain('en-GB')).to.deep.equal(['en-gb', 'en']);
    expect(fallbackChain('')).to.deep.equal(['de']);
  });

  it("has the manager's German texts once the manager brings them (its own file, in the script for CMS pages)", () => {
    expect(messagesFor('de').login.signInButton['servicekonto-nrw']).to.equal('Zum Servicekonto.NRW');
    expect(messagesFor('de').manager).to.equal(undefined);
    addGermanManagerTexts(deManager);
    expect(messagesFor('de').manager.addButton).to.equal('Kassenzeichen hinzufügen');
    expect(messagesFor('de')).to.deep.equal(de);
  });

  it('serves German while a language loads, then the language', async () => {
    registerMessages('en', en);
    expect(messagesFor('en-GB').manager.addButton).to.equal('Add Kassenzeichen');
    expect(messagesFor('fr').manager.addButton).to.equal('Kassenzeichen hinzufügen');
  });

  it('lets a city replace single texts per language, later calls winning', () => {
    setTexts('de', { manager: { labels: { kassenzeichen: 'Debitornummer' } } });
    expect(messagesFor('de').manager.labels.kassenzeichen).to.equal('Debitornummer');
    expect(messagesFor('de').manager.labels.street).to.equal('Straße');
    setTexts('de', { manager: { labels: { kassenzeichen: 'Kassenzeichen' } } });
    expect(messagesFor('de').manager.labels.kassenzeichen).to.equal('Kassenzeichen');
  });
});

describe('after „Anfrage abbrechen“ during a letter request (issue 19.11)', () => {
  it('no catalog claims that no letter went out: it may still go out, and „OK“ again sends no second one', () => {
    const said = {
      de: deManager.problems.letterCancelled,
      en: en.manager.problems.letterCancelled,
      ls: deLs.manager.problems.letterCancelled,
    };
    expect(said.de).not.to.match(/kein Brief verschickt/);
    expect(said.de).to.match(/Brief trotzdem verschickt/);
    expect(said.de).to.match(/erneut auf „OK“ klicken\. Mit denselben Angaben wird dabei kein zweiter Brief verschickt/);
    expect(said.en).not.to.match(/No letter was sent/);
    expect(said.en).to.match(/letter may still be sent/);
    expect(said.en).to.match(/“OK” again\. With the same entries, no second letter will be sent/);
    expect(said.ls).not.to.match(/schickt keinen Brief/);
    expect(said.ls).to.match(/Vielleicht schickt die Stadt den Brief trotzdem/);
    expect(said.ls).to.match(/nur 1 Brief/);
  });
});
