import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { defaultLocale, fillParams, isLocale } from '../../renderer/i18n/locale';
import { zhCN } from '../../renderer/i18n/zhCN';

describe('defaultLocale', () => {
  it('picks Chinese when the first Chinese-or-English preference is Chinese', () => {
    expect(defaultLocale(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(defaultLocale(['fr-FR', 'zh-CN'])).toBe('zh-CN');
  });

  it('picks English when English comes first, or nothing matches', () => {
    expect(defaultLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(defaultLocale(['de-DE'])).toBe('en');
    expect(defaultLocale([])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only the locales SockLab speaks', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});

describe('fillParams', () => {
  it('fills each named parameter and leaves unknown ones as written', () => {
    expect(fillParams('Event {seq} of {total}', { seq: 4, total: 9 })).toBe('Event 4 of 9');
    expect(fillParams('Hide {pane}', {})).toBe('Hide {pane}');
  });
});

describe('catalogues', () => {
  it('have the same keys and the same parameters in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(params(zhCN[key]), key).toEqual(params(en[key]));
    }
  });
});
