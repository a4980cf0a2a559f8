import { expect } from '@open-wc/testing';
import { de } from '../../src/i18n/de.js';
import { deLs } from '../../src/i18n/de-x-ls.js';
import { en } from '../../src/i18n/en.js';
import { deManager } from '../../src/i18n/de-manager.js';
import { addGermanManagerTexts, fallbackChain, messagesFor, registerMessages, setTexts } from '../../src/i18n/localize.js';
import type { Messages } from '../../src/i18n/messages.js';
import { pageTexts } from '../../packages/bff/src/page-texts.js';
import { formatClock, formatDay } from '../../src/shared/clock.js';

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
  samples['.manager.statusPending'] = [catalog.language === 'de-x-ls' ? '27. November 2026' : '27.11.2026'];
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
  'Bestätigungs-Code': /Der Bestätigungs-Code ist /,
  'Zustell-Vertreter': /Ein Zustell-Vertreter bekommt /,
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

/*
 * The rules of the Netzwerk Leichte Sprache that a machine can check, on every
 * text a citizen meets in Leichte Sprache: the elements' texts (the editor's
 * box aside, but its sentence for citizens included) and the BFF's pages.
 */

/** The guide's names for buttons and steps (https://… „Anleitung: Anmeldung im Bürgerportal“): kept as printed, so the rules skip them. */
const GUIDE_NAMES = [
  'Zum Servicekonto.NRW',
  'Jetzt registrieren',
  'Kassenzeichen hinzufügen',
  'Bestätigungscode eingeben',
  'Sitzung verlängern',
  'Abmelden',
  'Weiter',
  'Zurück',
  'OK',
  'Beenden',
];

/** A text without the names it quotes („…“) and without the guide's names: the words the rules apply to. */
function ownWords(text: string): string {
  return GUIDE_NAMES.includes(text) ? '' : text.replace(/„[^“]*“/g, '„…“');
}

function citizenLsTexts(): string[] {
  const bff = pageTexts('de-x-ls');
  const bffTexts = Object.values(bff).flatMap((entry: string | Record<string, string>) =>
    typeof entry === 'string' ? [entry] : Object.values(entry),
  );
  return [...texts({ ...deLs, config: {} as Messages['config'] }), deLs.config.citizenHint, ...bffTexts];
}

/** Each a word or pattern the rule forbids; what it stands for is in the test's name. */
function offending(patterns: RegExp[], exceptions: string[] = []): string[] {
  return citizenLsTexts()
    .flatMap(sentences)
    .filter((sentence) => !exceptions.includes(sentence))
    .flatMap((sentence) => patterns.filter((pattern) => pattern.test(ownWords(sentence))).map((pattern) => `${pattern}: ${sentence}`));
}

/** Sentences that keep a negation, each for a reason. */
const JUSTIFIED_NEGATIONS = [
  // A positive sentence would say which of the two is wrong; the widget only knows that they differ.
  'Das Kassenzeichen und die Adresse passen nicht zusammen.',
];

/** One word for one thing: the synonyms that must not stand beside the chosen word. */
const GLOSSARY: Record<string, RegExp[]> = {
  Anmeldung: [/Sitzung/, /Session/i, /\bLogin\b/i],
  Konto: [/Account/],
  'Bestätigungs-Code': [/(?<![-\w])Code\b/],
  Knopf: [/Button/, /Schaltfläche/],
  'Internet-Seite': [/Website/, /Webseite/],
  hinzufügen: [/eintragen/, /\btragen\b/, /\bdazu nehmen\b/],
  Angaben: [/Eingaben/],
  schreiben: [/eingeben/, /\bgeben Sie\b/],
  'die Stadt': [/\b[Ww]ir\b/, /\buns\b/, /\b[Uu]nser/],
  Dienste: [/Services/],
  Störung: [/\bgeht gerade\b/],
};

/** Long words, split with a hyphen. */
const HYPHENATED = [
  'Bestätigungs-Code',
  'Internet-Seite',
  'Internet-Verbindung',
  'Post-Leitzahl',
  'Haus-Nummer',
  'Zustell-Vertreter',
  'Anmelde-Dienst',
  'Telefon-Nummer',
];

describe('Leichte Sprache follows the rules of the Netzwerk Leichte Sprache (issue 19.9)', () => {
  it('has no subordinate clause: no subordinating conjunction, no relative clause after a comma', () => {
    expect(
      offending([
        /\b(dass|weil|wenn|ob|damit|obwohl|falls|sodass|nachdem|bevor|sobald|während|indem|sofern)\b/i,
        /, (der|die|das|dem|den|denen|deren|dessen|welche[rsnm]?|wo|was) /,
      ]),
    ).to.deep.equal([]);
  });

  it('has one statement per sentence of 12 words at most, also on the BFF pages', () => {
    const long = citizenLsTexts()
      .flatMap(sentences)
      .filter((sentence) => sentence.split(/\s+/).length > 12);
    expect(long).to.deep.equal([]);
    expect(offending([/, (und|oder|aber|denn) [a-zäöü]+ (Sie|die|der|das|es|er)\b/])).to.deep.equal([]);
  });

  it('says things positively: „nicht“, „kein“, „nichts“ only in the justified exceptions', () => {
    expect(offending([/\b(nicht|nichts|kein\w*|nie|niemand)\b/i], JUSTIFIED_NEGATIONS)).to.deep.equal([]);
  });

  it('uses no passive, no past tense forms (the perfect only) and no genitive', () => {
    expect(
      offending([
        /\b(wird|werden|wurde|wurden|worden)\b/i,
        /\b(war|waren|gab|konnte|konnten|hatte|hatten|ging|kam)\b/i,
        /\b(des|eines|Ihres|seines|ihres)\b/,
        /\bder Services\b/,
      ]),
    ).to.deep.equal([]);
  });

  it('writes numbers as digits', () => {
    expect(
      offending([/\b(null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert|tausend|zweimal|dreimal)\b/i]),
    ).to.deep.equal([]);
    expect(deLs.manager.errorSummaryTitle(1)).to.match(/^1 /);
  });

  it('uses one word for one thing', () => {
    const found = Object.entries(GLOSSARY).flatMap(([word, synonyms]) => offending(synonyms).map((hit) => `${word} instead of ${hit}`));
    expect(found).to.deep.equal([]);
  });

  it('splits long words with a hyphen', () => {
    expect(
      offending(
        HYPHENATED.map(
          (word) =>
            new RegExp(
              word.replace('-', '').replace(/^./, (c) => c),
              'i',
            ),
        ),
      ),
    ).to.deep.equal([]);
    const joined = citizenLsTexts().join('\n');
    for (const word of ['Bestätigungs-Code', 'Post-Leitzahl', 'Haus-Nummer', 'Zustell-Vertreter']) expect(joined).to.contain(word);
  });

  // A colon inside a sentence („Das bedeutet: …“) stays on its line; after a colon at the end of a line, the example follows below.
  it('puts each sentence on a line of its own (a line break between sentences, never a space)', () => {
    const joinedBySpace = citizenLsTexts().filter((text) => /(?<!\d)[.!?] +[^\s…]/.test(text.replace(/„[^“]*“/g, '„…“')));
    expect(joinedBySpace).to.deep.equal([]);
  });

  it('explains a button whose guide name differs from its word: „Sitzung verlängern“ beside the word „Anmeldung“', () => {
    expect(deLs.login.extendButton).to.equal('Sitzung verlängern');
    expect(deLs.login.expiringText('14:05')).to.match(/„Sitzung verlängern“\.\nDas bedeutet: Ihre Anmeldung geht weiter\./);
  });

  it('writes dates as „4. Dezember 2026“, German keeps 04.12.2026', () => {
    const moment = new Date(2026, 11, 4, 14, 5).getTime();
    expect(formatDay(moment, 'de-x-ls')).to.equal('4. Dezember 2026');
    expect(formatClock(moment, 'de-x-ls', true)).to.equal('4. Dezember 2026 um 14:05');
    expect(formatClock(moment, 'de-x-ls')).to.equal('14:05');
    expect(formatDay(moment, 'de')).to.equal('04.12.2026');
    expect(formatClock(moment, 'de', true)).to.equal('04.12.2026, 14:05');
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
