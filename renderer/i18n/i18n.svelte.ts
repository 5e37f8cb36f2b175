// The window's language: English or Simplified Chinese, defaulting from the OS / browser
// languages, kept in localStorage, and a rune-backed t() so every label re-renders when the
// student switches. Other panes (the labs) add their own messages with addMessages().
import { en, type MessageKey } from './en';
import { zhCN } from './zhCN';
import { defaultLocale, fillParams, isLocale, type Locale } from './locale';

const STORAGE_KEY = 'socklab.locale';

/** I18n holds the current locale and the catalogues. */
export class I18n {
  locale = $state<Locale>('en');
  #storage: Storage | undefined;
  #catalogues: Record<Locale, Record<string, string>> = { en: { ...en }, 'zh-CN': { ...zhCN } };

  /** init reads the saved locale, or the default from the languages the OS / browser prefers. */
  init(storage: Storage | undefined, languages: readonly string[]): void {
    this.#storage = storage;
    const saved = storage?.getItem(STORAGE_KEY);
    this.locale = isLocale(saved) ? saved : defaultLocale(languages);
  }

  /** set switches the language and remembers the choice. */
  set(locale: Locale): void {
    this.locale = locale;
    this.#storage?.setItem(STORAGE_KEY, locale);
  }

  /** addMessages adds (or replaces) messages of one locale, e.g. a pane's own catalogue. */
  addMessages(locale: Locale, messages: Readonly<Record<string, string>>): void {
    this.#catalogues[locale] = { ...this.#catalogues[locale], ...messages };
  }

  /** t returns the message for key in the current locale (English, then the key itself, when missing), with {params} filled in. */
  t(key: MessageKey | (string & {}), params: Readonly<Record<string, string | number>> = {}): string {
    const text = this.#catalogues[this.locale][key] ?? this.#catalogues.en[key] ?? key;
    return fillParams(text, params);
  }
}

/** i18n is the window's one language state; App calls i18n.init() at start. */
export const i18n = new I18n();

/** t translates key in the current locale; reading it inside a template makes the text follow switches. */
export function t(
  key: MessageKey | (string & {}),
  params?: Readonly<Record<string, string | number>>,
): string {
  return i18n.t(key, params);
}
