import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './args';

describe('parseWebArgs', () => {
  it('defaults to a free port and opening a browser', () => {
    expect(parseWebArgs([])).toEqual({ ok: true, args: { port: 0, open: true } });
  });

  it('reads --port, --no-open and --workspace in both spellings', () => {
    expect(parseWebArgs(['--port', '5174', '--no-open', '--workspace=/tmp/w'])).toEqual({
      ok: true,
      args: { port: 5174, open: false, workspace: '/tmp/w' },
    });
  });

  it.each([
    [['--port'], '--port needs a number from 0 to 65535, got nothing'],
    [['--port', '70000'], '--port needs a number from 0 to 65535, got 70000'],
    [['--port', '-1'], '--port needs a number from 0 to 65535, got -1'],
    [['--workspace'], '--workspace needs a folder'],
    [['--verbose'], 'unknown option --verbose'],
  ])('refuses %j with a reason', (argv, message) => {
    expect(parseWebArgs(argv)).toEqual({ ok: false, message });
  });
});
