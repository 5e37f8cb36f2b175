// The Lab pane's Markdown reader: blocks and inline styles as plain data, never HTML.
import { describe, expect, it } from 'vitest';
import { blocks, inline } from '../../renderer/lab/markdown';

describe('lab markdown', () => {
  it('reads inline code, bold and emphasis around plain text', () => {
    expect(inline('call `inet_create` **now**, *then* <b>x</b>')).toEqual([
      { k: 'text', text: 'call ' },
      { k: 'code', text: 'inet_create' },
      { k: 'text', text: ' ' },
      { k: 'b', text: 'now' },
      { k: 'text', text: ', ' },
      { k: 'i', text: 'then' },
      { k: 'text', text: ' <b>x</b>' },
    ]);
  });

  it('reads paragraphs joined across lines, lists with continuation lines, headings and code blocks', () => {
    const md = 'One\ntwo.\n\n- a\n  more\n- b\n\n1. x\n2. y\n\n#### H\n\n```\nint x;\n  y;\n```\nlast';
    expect(blocks(md)).toEqual([
      { k: 'p', inline: [{ k: 'text', text: 'One two.' }] },
      {
        k: 'ul',
        items: [
          [
            { k: 'text', text: 'a' },
            { k: 'text', text: ' more' },
          ],
          [{ k: 'text', text: 'b' }],
        ],
      },
      { k: 'ol', items: [[{ k: 'text', text: 'x' }], [{ k: 'text', text: 'y' }]] },
      { k: 'h', inline: [{ k: 'text', text: 'H' }] },
      { k: 'code', text: 'int x;\n  y;' },
      { k: 'p', inline: [{ k: 'text', text: 'last' }] },
    ]);
  });
});
