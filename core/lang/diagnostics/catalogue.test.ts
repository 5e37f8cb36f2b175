import { describe, expect, it } from 'vitest';
import { PREPROCESS_MESSAGES } from '../preprocess';
import type { Catalogue } from './index';
import { formatTemplate, hasErrors, localize, makeDiagnostic, Reporter } from './index';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('catalogue', () => {
  it('uses the same placeholders in English and Chinese when a code is translated', () => {
    const catalogue: Catalogue = PREPROCESS_MESSAGES;
    const mismatched = Object.entries(catalogue).filter(
      ([, e]) => placeholders(e.en).join() !== placeholders(e['zh-CN']).join(),
    );
    expect(mismatched.map(([code]) => code)).toEqual([]);
  });

  it('names every code in kebab case with the pp- prefix when the catalogue is the preprocessor', () => {
    expect(Object.keys(PREPROCESS_MESSAGES).filter((c) => !/^pp-[a-z0-9-]+$/.test(c))).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones when a template is formatted', () => {
    expect(formatTemplate('macro "{name}" takes {n}; {other}', { name: 'J', n: 1 })).toBe(
      'macro "J" takes 1; {other}',
    );
  });

  it('renders English and keeps the arguments when a reporter reports', () => {
    const reporter = new Reporter(PREPROCESS_MESSAGES);
    reporter.report('pp-macro-redefined', { file: 'a.c', line: 2, col: 0 }, { args: { name: 'PORT' } });
    reporter.report(
      'pp-error-directive',
      { file: 'a.c', line: 3, col: 2, length: 5 },
      { args: { text: 'x' } },
    );
    expect(reporter.diagnostics).toEqual([
      { code: 'pp-macro-redefined', severity: 'warning', file: 'a.c', line: 2, col: 0, message: '"PORT" redefined', args: { name: 'PORT' } },
      { code: 'pp-error-directive', severity: 'error', file: 'a.c', line: 3, col: 2, length: 5, message: '#error x', args: { text: 'x' } },
    ]); // prettier-ignore
    expect(reporter.errorCount).toBe(1);
    expect(hasErrors(reporter.diagnostics)).toBe(true);
  });

  it('localizes through whichever catalogue knows the code and falls back to English when none does', () => {
    const d = makeDiagnostic(
      PREPROCESS_MESSAGES,
      'pp-include-not-found',
      { file: 'a.c', line: 1, col: 10 },
      { args: { name: 'x.h' } },
    );
    expect(localize(d, 'zh-CN', [PREPROCESS_MESSAGES])).toBe('x.h：没有那个文件或目录');
    expect(localize({ ...d, code: 'other_stage_code' }, 'zh-CN', [PREPROCESS_MESSAGES])).toBe(
      'x.h: No such file or directory',
    );
  });
});
