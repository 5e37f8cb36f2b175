// renderer/i18n is the window's language support: English and Simplified Chinese catalogues,
// the current locale (defaulting from the OS, persisted) and t(), which re-renders what reads
// it when the locale changes. Panes with their own texts add them with i18n.addMessages().
export { I18n, i18n, t } from './i18n.svelte';
export { defaultLocale, isLocale, localeNames, locales, type Locale } from './locale';
export type { MessageKey } from './en';
