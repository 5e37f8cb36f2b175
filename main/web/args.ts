// The command line of web mode: `npm run web -- [--port N] [--no-open] [--workspace DIR]`.

/** WebArgs are web mode's options. */
export interface WebArgs {
  port: number;
  open: boolean;
  workspace?: string;
}

/** WEB_USAGE is printed with any argument error. */
export const WEB_USAGE = 'usage: npm run web -- [--port N] [--no-open] [--workspace DIR]';

/** parseWebArgs reads web mode's options, or says what is wrong with them. */
export function parseWebArgs(
  argv: readonly string[],
): { ok: true; args: WebArgs } | { ok: false; message: string } {
  const args: WebArgs = { port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (text === undefined || !/^\d+$/.test(text) || port > 65535) {
          return { ok: false, message: `--port needs a number from 0 to 65535, got ${text ?? 'nothing'}` };
        }
        args.port = port;
        break;
      }
      case '--no-open':
        args.open = false;
        break;
      case '--workspace': {
        const dir = value();
        if (!dir) return { ok: false, message: '--workspace needs a folder' };
        args.workspace = dir;
        break;
      }
      default:
        return { ok: false, message: `unknown option ${arg}` };
    }
  }
  return { ok: true, args };
}
