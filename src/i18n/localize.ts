import { deLogin } from './de-login.js';
import type { ManagerMessages, Messages } from './messages.js';
import { fallbackChain, LOADABLE_LANGUAGES } from './language-of.js';
import { onWindow } from '../shared/on-window.js';

export { fallbackChain, languageOf } from './language-of.js';

/*
 * The catalogs of texts. German ships in every build (the manager's part with
 * the manager, see de-manager.ts); English and Leichte
 * Sprache are loaded from the script's own folder the first time an element
 * shows them (like the oidc file), or registered up front by a bundler import.
 * Cities may replace single texts per language. Kept on the window, so two
 * copies of the script share them.
 */

type Loader = () => Promise<Messages>;

/** Languages the script can load by itself. */
const LOADERS: Record<string, Loader> = {
  en: () => import('./en.js').then((module) => module.en),
  'de-x-ls': () => import('./de-x-ls.js').then((module) => module.deLs),
} satisfies Record<(typeof LOADABLE_LANGUAGES)[number], Loader>;

/** A part of a catalog: any text, at any depth. */
export type TextOverrides = { [K in keyof Messages]?: Messages[K] extends object ? DeepPartial<Messages[K]> : Messages[K] };
type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

interface Registry {
  catalogs: Map<string, Messages>;
  overrides: Map<string, TextOverrides[]>;
  loading: Map<string, Promise<void>>;
  listeners: Set<() => void>;
}

function registry(): Registry {
  return onWindow<Registry>('i18n', () => ({
    // The manager's German texts come with the manager (addGermanManagerTexts): no manager draws before they are in.
    catalogs: new Map([['de', deLogin as Messages]]),
    overrides: new Map(),
    loading: new Map(),
    listeners: new Set(),
  }));
}

/** Completes the German catalog with the manager's texts; the manager's module calls it before its element is defined. */
export function addGermanManagerTexts(manager: ManagerMessages): void {
  const { catalogs } = registry();
  const german = catalogs.get('de')!;
  if (!german.manager) catalogs.set('de', { ...german, manager });
}

function changed(): void {
  for (const listener of [...registry().listeners]) listener();
}

/** Calls `listener` when a catalog arrives or texts are replaced; returns the unsubscribe function. */
export function onTextsChanged(listener: () => void): () => void {
  registry().listeners.add(listener);
  return () => registry().listeners.delete(listener);
}

/** Adds a language: the catalog must be complete (the type checker sees to it). */
export function registerMessages(language: string, messages: Messages): void {
  registry().catalogs.set(language.toLowerCase(), messages);
  changed();
}

/**
 * Replaces single texts of a language, e.g. `setTexts('de', { manager: { labels: { kassenzeichen: 'Debitornummer' } } })`.
 * Later calls win. Works from a bundler import and, through the elements' static `setTexts`, from a plain script.
 */
export function setTexts(language: string, overrides: TextOverrides): void {
  const key = language.toLowerCase();
  const list = registry().overrides.get(key) ?? [];
  registry().overrides.set(key, [...list, overrides]);
  changed();
}

/** The catalog for a BCP 47 tag; a language the script can load is loaded, and German (or the nearest) serves meanwhile. */
export function messagesFor(lang: string | null | undefined): Messages {
  const { catalogs } = registry();
  for (const tag of fallbackChain(lang || 'de')) {
    const catalog = catalogs.get(tag);
    if (catalog) return withOverrides(tag, catalog);
    if (LOADERS[tag]) load(tag);
  }
  return withOverrides('de', catalogs.get('de')!);
}

function load(tag: string): void {
  const { loading } = registry();
  if (loading.has(tag)) return;
  const done = LOADERS[tag]()
    .then((catalog) => registerMessages(tag, catalog))
    .catch(() => {
      // The file is missing beside the script: German stays, and the editor hears of it once.
      console.error(
        `buergerportal-widgets: the texts for "${tag}" could not be loaded; they belong in the same folder as buergerportal-widgets.js.`,
      );
    });
  loading.set(tag, done);
}

/** Resolves when every catalog asked for so far has arrived (or failed). */
export async function textsLoaded(): Promise<void> {
  await Promise.all(registry().loading.values());
}

const merged = new WeakMap<Messages, Map<string, { overrides: TextOverrides[]; result: Messages }>>();

function withOverrides(tag: string, catalog: Messages): Messages {
  const overrides = registry().overrides.get(tag) ?? [];
  if (overrides.length === 0) return catalog;
  const cache = merged.get(catalog) ?? new Map();
  merged.set(catalog, cache);
  const hit = cache.get(tag);
  if (hit && hit.overrides === overrides) return hit.result;
  const result = overrides.reduce<Messages>((current, part) => deepMerge(current, part) as Messages, catalog);
  cache.set(tag, { overrides, result });
  return result;
}

function deepMerge(base: unknown, part: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(part)) return part === undefined ? base : part;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(part)) out[key] = deepMerge(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { Messages };
