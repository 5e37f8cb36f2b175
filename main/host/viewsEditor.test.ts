import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../../core/index';
import { loadParser } from '../cli/parser';
import { checkSource } from './viewsEditor';

describe('checkSource', () => {
  it('answers ready: false while the C parser loads', () => {
    expect(
      checkSource(undefined, new MemoryWorkspace({}), { path: 'a.c', text: 'int main(void) {}' }),
    ).toEqual({
      ready: false,
      diagnostics: [],
    });
  });

  it('gives an error at its line and column, with local headers read beside the file', async () => {
    const parser = await loadParser();
    const workspace = new MemoryWorkspace({ 'src/answer.h': '#define ANSWER 42\n' });
    const text = '#include "answer.h"\nint main(void) {\n  return ANSWER + missing;\n}\n';
    const reply = checkSource(parser, workspace, { path: 'src/a.c', text });
    expect(reply.ready).toBe(true);
    expect(reply.diagnostics.map((d) => [d.line, d.col, d.severity])).toEqual([[3, 19, 'error']]);
    expect(reply.diagnostics[0]!.message).toContain('missing');
  });

  it('gives nothing for a clean program', async () => {
    const parser = await loadParser();
    const reply = checkSource(parser, new MemoryWorkspace({}), {
      path: 'ok.c',
      text: 'int main(void) { return 0; }\n',
    });
    expect(reply).toEqual({ ready: true, diagnostics: [] });
  });
});
