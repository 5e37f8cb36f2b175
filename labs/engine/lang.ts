// The feedback language: every sentence the engine writes comes in English and Simplified
// Chinese side by side, chosen by the language the student reads the lab in.
import type { Language } from '../text';

/** tr picks the English or Simplified Chinese version of one feedback sentence. */
export function tr(lang: Language, en: string, zh: string): string {
  return lang === 'zh-CN' ? zh : en;
}
