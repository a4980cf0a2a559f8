/*
 * The demo panel's switches: the elements' language (`lang`), the login's
 * `compact` and a second theme. Each is kept in sessionStorage, so that it
 * outlives the sign-in's way through the provider, and applied before the
 * widgets load, so that nothing on screen changes language after it appeared.
 */

const KEYS = { language: 'buergerportal-demo.lang', compact: 'buergerportal-demo.compact', theme: 'buergerportal-demo.theme' };

/** The languages the elements ship: German, English, Leichte Sprache. */
const LANGUAGES = ['de', 'en', 'de-x-ls'] as const;
type Language = (typeof LANGUAGES)[number];

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function applyLanguage(language: Language): void {
  for (const element of document.querySelectorAll('servicekonto-login, kassenzeichen-manager')) element.setAttribute('lang', language);
}

function languageSwitch(): void {
  const stored = sessionStorage.getItem(KEYS.language);
  const language = isLanguage(stored) ? stored : 'de';
  applyLanguage(language);
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="language"]')) {
    radio.checked = radio.value === language;
    radio.addEventListener('change', () => {
      if (!radio.checked || !isLanguage(radio.value)) return;
      sessionStorage.setItem(KEYS.language, radio.value);
      applyLanguage(radio.value);
    });
  }
}

/** A checkbox that sets `apply(on)` now and on every change, remembered under `key`. */
function toggle(id: string, key: string, apply: (on: boolean) => void): void {
  const box = document.querySelector<HTMLInputElement>(`#${id}`)!;
  box.checked = sessionStorage.getItem(key) === 'on';
  apply(box.checked);
  box.addEventListener('change', () => {
    sessionStorage.setItem(key, box.checked ? 'on' : 'off');
    apply(box.checked);
  });
}

export function setUpSwitches(): void {
  languageSwitch();
  toggle('compact-switch', KEYS.compact, (on) => document.querySelector('servicekonto-login')!.toggleAttribute('compact', on));
  toggle('theme-switch', KEYS.theme, (on) => document.documentElement.classList.toggle('theme-gruenheim', on));
}
