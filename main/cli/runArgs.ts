// The command line of `socklab run`: options (as `--name value` or `--name=value`) up to the C
// file, then the program's own arguments, checked into RunArgs or a clear usage error.

import { exec } from '../../core/index';

/** RUN_USAGE is the one-line synopsis of `socklab run`. */
export const RUN_USAGE =
  'usage: socklab run [--kernel 2.6.32|3.10|6.x] [--host client|server] [--uid N] [--sysctl KEY=VALUE]… [--seed N] [--trace FILE.jsonl] [--pcap FILE.pcap] FILE.c [ARGS…]';

/** RunArgs is a checked `socklab run` command line. */
export interface RunArgs {
  readonly file: string;
  readonly args: readonly string[];
  readonly kernel?: '2.6.32' | '3.10' | '6.x';
  readonly host?: string;
  readonly uid?: number;
  readonly sysctls: readonly (readonly [string, string])[];
  readonly seed?: number;
  readonly trace?: string;
  readonly pcap?: string;
}

/** ParsedRunArgs is the arguments, a request for help, or what is wrong with them. */
export type ParsedRunArgs =
  | { readonly k: 'args'; readonly args: RunArgs }
  | { readonly k: 'help' }
  | { readonly k: 'error'; readonly message: string };

const VALUED = new Set(['--kernel', '--host', '--uid', '--sysctl', '--seed', '--trace', '--pcap']);

/** integer parses a non-negative decimal integer within 32 bits, or returns undefined. */
function integer(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 0xffffffff ? n : undefined;
}

/** parseRunArgs checks a `socklab run` command line (the arguments after `run`). */
export function parseRunArgs(argv: readonly string[]): ParsedRunArgs {
  const out: { -readonly [K in keyof RunArgs]?: RunArgs[K] } = {};
  const sysctls: [string, string][] = [];
  const fail = (message: string): ParsedRunArgs => ({ k: 'error', message });
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return { k: 'help' };
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!VALUED.has(name)) return fail(`unknown option '${name}'`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i]!;
    else return fail(`option '${name}' needs a value`);
    switch (name) {
      case '--kernel':
        if (!exec.isKernelVersion(value))
          return fail(`unknown kernel '${value}' (kernels: ${exec.KERNEL_VERSIONS.join(', ')})`);
        out.kernel = value;
        break;
      case '--host':
        out.host = value;
        break;
      case '--uid':
        out.uid = integer(value);
        if (out.uid === undefined) return fail(`--uid wants a user id (0 … 4294967295), got '${value}'`);
        break;
      case '--seed':
        out.seed = integer(value);
        if (out.seed === undefined) return fail(`--seed wants a non-negative integer, got '${value}'`);
        break;
      case '--sysctl': {
        const at = value.indexOf('=');
        if (at <= 0) return fail(`--sysctl wants KEY=VALUE, got '${value}'`);
        sysctls.push([value.slice(0, at).trim(), value.slice(at + 1)]);
        break;
      }
      default:
        if (value === '') return fail(`option '${name}' needs a file name`);
        out[name === '--trace' ? 'trace' : 'pcap'] = value;
    }
  }
  const file = argv[i];
  if (file === undefined) return fail('no C file given');
  return { k: 'args', args: { ...out, sysctls, file, args: argv.slice(i + 1) } };
}
