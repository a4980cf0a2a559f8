import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemoryStore } from '../../packages/bff/dist/app.js';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/*
 * Issue 19.10: a navigation of the citizen's browser to the BFF that fails
 * (the store down at /login, a broken /callback, /logout/continue) answers
 * with an HTML page in the language of the page the citizen came from, with
 * a title and a way back – never a raw application/problem+json.
 */

/** A memory store that can be taken down: every call then fails as a lost Redis would. */
class FlakyStore extends MemoryStore {
  down = false;
}
for (const name of Object.getOwnPropertyNames(MemoryStore.prototype)) {
  const method = Object.getOwnPropertyDescriptor(MemoryStore.prototype, name).value;
  // The store's interface (async methods), not its own helpers.
  if (name === 'close' || method?.constructor?.name !== 'AsyncFunction') continue;
  FlakyStore.prototype[name] = async function (...args) {
    if (this.down) throw new Error('store unreachable');
    return MemoryStore.prototype[name].apply(this, args);
  };
}

let world;
let store;
before(async () => {
  const clock = { now: () => Date.now() };
  store = new FlakyStore(clock.now);
  world = await startWorld({ store, clock: { ...clock, advance() {} } });
});
after(() => world?.stop());

/** The page's language, title, heading and the way back, or why it is not a page. */
function readPage(answer) {
  assert.match(answer.headers['content-type'], /^text\/html/, `an HTML page, not ${answer.headers['content-type']}: ${answer.text}`);
  const text = answer.text;
  return {
    lang: /<html lang="([^"]+)"/.exec(text)?.[1],
    title: /<title>([^<]+)<\/title>/.exec(text)?.[1],
    heading: /<h1>([^<]+)<\/h1>/.exec(text)?.[1],
    back: /<a href="([^"]+)">([^<]+)<\/a>/.exec(text)?.slice(1, 3),
  };
}

test('the store down at /login: an HTML page in the page’s language (de, en, Leichte Sprache) with a title and the way back to the page', async () => {
  store.down = true;
  try {
    for (const [lang, title, back] of [
      ['de', 'Anmeldung gerade nicht möglich', 'Zurück zur Website'],
      ['en', 'Sign-in not possible right now', 'Back to the website'],
      ['de-x-ls', 'Anmeldung hat gerade eine Störung', 'Zurück zur Internet-Seite'],
    ]) {
      const answer = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}&lang=${lang}`);
      assert.equal(answer.status, 503);
      assert.deepEqual(readPage(answer), { lang, title, heading: title, back: [PAGE, back] });
    }
  } finally {
    store.down = false;
  }
});

test('a broken /callback (the store down on the way back): the language kept from /login, the way back to the city’s site', async () => {
  const browser = new Map();
  const login = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}&lang=en`, { cookies: browser });
  assert.equal(login.status, 303);
  const state = new URL(login.headers.location).searchParams.get('state');
  store.down = true;
  try {
    const answer = await world.request('GET', `/callback?code=x&state=${state}`, { cookies: browser });
    assert.equal(answer.status, 503);
    const shown = readPage(answer);
    assert.equal(shown.lang, 'en');
    assert.equal(shown.title, 'Sign-in not possible right now');
    assert.deepEqual(shown.back, ['http://127.0.0.1:9', 'Back to the website']);
  } finally {
    store.down = false;
  }
  // A callback for nothing we hold (used twice, too old) speaks the same language.
  const stale = readPage(await world.request('GET', `/callback?code=x&state=unknown`, { cookies: browser }));
  assert.equal(stale.lang, 'en');
  assert.equal(stale.title, 'Sign-in no longer valid');
});

test('without a lang anywhere, the browser’s Accept-Language decides, then German', async () => {
  const english = await world.request('GET', '/callback?code=x&state=unknown', {
    headers: { 'Accept-Language': 'fr, en-GB;q=0.8, de;q=0.5' },
  });
  assert.equal(readPage(english).lang, 'en');
  const other = await world.request('GET', '/callback?code=x&state=unknown', { headers: { 'Accept-Language': 'fr' } });
  assert.equal(readPage(other).lang, 'de');
});

test('/logout/continue: the page’s language comes with the ticket; without JavaScript the page says that the button must be pressed', async () => {
  const cookies = await world.signIn();
  const signOut = await world.request('POST', '/logout', {
    headers: { ...CALL, 'Content-Type': 'application/json' },
    cookies,
    body: JSON.stringify({ returnTo: PAGE, lang: 'en' }),
  });
  const next = new URL(JSON.parse(signOut.text).redirectTo);
  assert.equal(next.searchParams.get('lang'), 'en');
  const continued = await world.request('GET', `${next.pathname.replace(/^\/bff/, '')}${next.search}`, { cookies });
  assert.equal(continued.status, 200);
  assert.equal(readPage(continued).lang, 'en');
  assert.match(continued.text, /<noscript><p>Please select “Continue signing out”\. [^<]+<\/p><\/noscript>/);
  assert.match(continued.text, /<button type="submit">Continue signing out<\/button>/);

  store.down = true;
  try {
    const failed = await world.request('GET', '/logout/continue?ticket=abc&lang=de');
    assert.equal(failed.status, 503);
    assert.deepEqual(readPage(failed), {
      lang: 'de',
      title: 'Abmeldung nicht abgeschlossen',
      heading: 'Abmeldung nicht abgeschlossen',
      back: ['http://127.0.0.1:9', 'Zurück zur Website'],
    });
  } finally {
    store.down = false;
  }
});

test('German without JavaScript: „Abmeldung fortsetzen“ must be pressed', async () => {
  const cookies = await world.signIn();
  const signOut = await world.request('POST', '/logout', {
    headers: { ...CALL, 'Content-Type': 'application/json' },
    cookies,
    body: JSON.stringify({ returnTo: PAGE }),
  });
  const next = new URL(JSON.parse(signOut.text).redirectTo);
  const continued = await world.request('GET', `${next.pathname.replace(/^\/bff/, '')}${next.search}`, { cookies });
  assert.equal(readPage(continued).lang, 'de');
  assert.match(continued.text, /<noscript><p>Bitte klicken Sie auf „Abmeldung fortsetzen“\./);
});

test('the Leichte Sprache page (issue 19.9): one sentence per line and larger type, German unchanged', async () => {
  store.down = true;
  try {
    const ls = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}&lang=de-x-ls`);
    assert.match(
      ls.text,
      /<p>Die Anmeldung hat gerade eine Störung\.\nSie sind abgemeldet\.\nBitte versuchen Sie es später noch einmal\.<\/p>/,
    );
    assert.match(ls.text, /:lang\(de-x-ls\) body\{font-size:1\.125rem;line-height:1\.6\}:lang\(de-x-ls\) p\{white-space:pre-line\}/);
    const de = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}&lang=de`);
    assert.doesNotMatch(/<p>[^<]*<\/p>/.exec(de.text)[0], /\n/);
  } finally {
    store.down = false;
  }
});
