import { describe, expect, it } from 'vitest';
import { readKeys } from './keys';

describe('readKeys', () => {
  it('reads Ctrl-C as itself when it follows a stray Esc', () => {
    expect(readKeys('\x1b\x03').keys).toEqual([
      { kind: 'seq', name: 'unknown' },
      { kind: 'ctrl', char: 'c' },
    ]);
  });

  it('ends a CSI sequence cut short by a control character and reads the character', () => {
    expect(readKeys('\x1b[1\r').keys).toEqual([
      { kind: 'seq', name: 'unknown' },
      { kind: 'ctrl', char: 'enter' },
    ]);
    expect(readKeys('\x1bO\x04').keys).toEqual([
      { kind: 'seq', name: 'unknown' },
      { kind: 'ctrl', char: 'd' },
    ]);
  });

  it('keeps an unfinished sequence for the next input', () => {
    expect(readKeys('ab\x1b[1;5')).toEqual({ keys: [{ kind: 'text', text: 'ab' }], rest: '\x1b[1;5' });
  });
});
