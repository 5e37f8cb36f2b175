// The languages SockLab speaks and how the first one is chosen, without any reactive state,
// so the rules can be tested on their own.

/** locales are the languages SockLab speaks, in menu order. */
export const locales = ['en', 'zh-CN'] as const;
/** Locale is one language SockLab speaks. */
export type Locale = (typeof locales)[number];
/** localeNames are each locale's name in itself, for the language switch. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** defaultLocale picks zh-CN when the first Chinese-or-English preference is Chinese, else en. */
export function defaultLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

/** isLocale tells whether a string names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** fillParams replaces each {name} in text by params[name]; unknown names stay as written. */
export function fillParams(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
