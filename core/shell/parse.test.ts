import { describe, expect, it } from 'vitest';
import type { Word } from './parse';
import { parseLine } from './parse';

const lit = (text: string, quoted = false): Word => ({ parts: [{ text, quoted }] });

describe('parseLine', () => {
  it('splits lists, pipelines and connectors when operators need no blanks', () => {
    expect(parseLine('a|b&&c;d||e&')).toEqual({
      ok: true,
      list: [
        { pipeline: [cmd('a'), cmd('b')], connector: '&&' },
        { pipeline: [cmd('c')], connector: ';' },
        { pipeline: [cmd('d')], connector: '||' },
        { pipeline: [cmd('e')], connector: '&' },
      ],
    });
  });

  it('reads a digit right before > or < as the file descriptor', () => {
    const parsed = parseLine('cmd 2>&1 a2>f <in 2>>log');
    expect(parsed.ok && parsed.list[0]!.pipeline[0]).toEqual({
      words: [lit('cmd'), lit('a2')],
      redirects: [
        { fd: 2, op: '>&', target: lit('1') },
        { fd: 1, op: '>', target: lit('f') },
        { fd: 0, op: '<', target: lit('in') },
        { fd: 2, op: '>>', target: lit('log') },
      ],
    });
  });

  it('keeps $? and ~ as parameters and quoted text as quoted', () => {
    const parsed = parseLine(`echo "s=$?" '$?' ~/x a~ \\$? # comment`);
    expect(parsed.ok && parsed.list[0]!.pipeline[0]!.words).toEqual([
      lit('echo'),
      { parts: [{ text: 's=', quoted: true }, { param: '?' }] },
      lit('$?', true),
      { parts: [{ param: 'HOME' }, { text: '/x', quoted: false }] },
      lit('a~'),
      {
        parts: [
          { text: '$', quoted: true },
          { text: '?', quoted: false },
        ],
      },
    ]);
  });

  it('reports bash messages when quotes are open or operators are misplaced', () => {
    expect(parseLine('echo "x')).toEqual({
      ok: false,
      message: 'unexpected EOF while looking for matching `"\'',
    });
    expect(parseLine('; echo')).toEqual({ ok: false, message: "syntax error near unexpected token `;'" });
    expect(parseLine('echo > | wc')).toEqual({
      ok: false,
      message: "syntax error near unexpected token `|'",
    });
    expect(parseLine('echo 2>')).toEqual({
      ok: false,
      message: "syntax error near unexpected token `newline'",
    });
    expect(parseLine('echo a > > b')).toEqual({
      ok: false,
      message: "syntax error near unexpected token `>'",
    });
  });

  it('gives an empty list for a blank line or a comment', () => {
    expect(parseLine('   # nothing')).toEqual({ ok: true, list: [] });
  });
});

function cmd(name: string) {
  return { words: [lit(name)], redirects: [] };
}
