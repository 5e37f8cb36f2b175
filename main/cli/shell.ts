// `socklab shell [options]`: the lab shell in the console, on the same LabSession and LabShell
// as the app's terminals. When stdin is a terminal it is interactive (raw keys, the prompt,
// Ctrl-C, Ctrl-D at an empty prompt leaves). Otherwise stdin is a script: one command per line,
// `#` comments and blank lines skipped, `set -e` stops at the first failing command (exit
// status: that command's), and the world keeps running background jobs between commands.
// --trace and --pcap write the whole session's trace (JSON Lines) and capture at the end.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LabSession, LabShell, exec } from '../../core/index';
import { DiskWorkspace } from '../store/diskWorkspace';
import { USAGE_ERROR } from './dispatch';
import type { CliIo } from './io';
import { loadParser } from './parser';

/** SHELL_USAGE is the one-line synopsis of `socklab shell`. */
export const SHELL_USAGE =
  'usage: socklab shell [--kernel 2.6.32|3.10|6.x] [--seed N] [--host client|server] [--workspace DIR] [--trace FILE.jsonl] [--pcap FILE.pcap]';

const HELP = `${SHELL_USAGE}

Runs SockLab's lab shell on a fresh simulated world (client 10.0.0.1, server 10.0.0.2) whose
files are DIR (default: the current folder). With a terminal on stdin it is interactive; else
it reads one command per line from stdin (# comments; 'set -e' stops at the first failure).
`;

/** ShellArgs is a checked `socklab shell` command line. */
export interface ShellArgs {
  kernel?: '2.6.32' | '3.10' | '6.x';
  seed?: number;
  host?: string;
  workspace?: string;
  trace?: string;
  pcap?: string;
}

/** parseShellArgs checks the arguments after `shell`; a string is the usage error, 'help' asks for help. */
export function parseShellArgs(argv: readonly string[]): ShellArgs | string | 'help' {
  const out: ShellArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--kernel', '--seed', '--host', '--workspace', '--trace', '--pcap'].includes(name))
      return `unknown option '${arg}'`;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return `${name} needs a value`;
    if (name === '--kernel') {
      if (!exec.isKernelVersion(value)) return `--kernel: '${value}' is not 2.6.32, 3.10 or 6.x`;
      out.kernel = value;
    } else if (name === '--seed') {
      if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) return `--seed: '${value}' is not a number`;
      out.seed = Number(value);
    } else if (name === '--host') {
      if (value !== 'client' && value !== 'server') return `--host: '${value}' is not client or server`;
      out.host = value;
    } else out[name.slice(2) as 'workspace' | 'trace' | 'pcap'] = value;
  }
  return out;
}

/** main runs `socklab shell` with the arguments after `shell`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseShellArgs(argv);
  if (args === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (typeof args === 'string') {
    io.stderr(`socklab shell: ${args}\n${SHELL_USAGE}\n`);
    return USAGE_ERROR;
  }
  const session = new LabSession({
    parser: loadParser(),
    seed: args.seed ?? 1,
    ...(args.kernel === undefined ? {} : { kernel: args.kernel }),
    trace: args.trace !== undefined ? 'full' : 'syscalls',
    defer: (fn) => void setImmediate(fn),
  });
  const workspace = new DiskWorkspace(resolve(io.cwd, args.workspace ?? '.'));
  const interactive = (io.stdin as { isTTY?: boolean }).isTTY === true;
  const status = interactive
    ? await interactiveShell(session, workspace, args, io)
    : await scriptShell(session, workspace, args, io);
  session.dispose();
  return writeOutputs(session, args, io) ? status : 1;
}

/** scriptShell runs stdin's lines as commands, in order, each to its end. */
async function scriptShell(
  session: LabSession,
  workspace: DiskWorkspace,
  args: ShellArgs,
  io: CliIo,
): Promise<number> {
  const text = await readAll(io.stdin);
  const shell = new LabShell({
    workspace,
    session,
    host: args.host ?? 'client',
    tty: io.stdoutIsTty,
    write: (data) => io.stdout(data.replace(/\r\n/g, '\n')),
    writeErr: (data) => io.stderr(data.replace(/\r\n/g, '\n')),
  });
  const offInterrupt = io.onInterrupt(() => shell.input('\x03'));
  let errexit = false;
  let status = 0;
  try {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      if (line === 'set -e' || line === 'set +e') {
        errexit = line === 'set -e';
        continue;
      }
      status = await new Promise<number>((done) => {
        shell.run(line, done);
        if (shell.busy) shell.input('\x04'); // a script's commands read no terminal: end of input
      });
      if (errexit && status !== 0) break;
    }
  } finally {
    offInterrupt();
  }
  return status;
}

/** interactiveShell runs the shell on the console in raw mode until Ctrl-D at an empty prompt. */
function interactiveShell(
  session: LabSession,
  workspace: DiskWorkspace,
  args: ShellArgs,
  io: CliIo,
): Promise<number> {
  const stdin = io.stdin as NodeJS.ReadStream;
  const size = process.stdout;
  return new Promise((done) => {
    const onData = (chunk: Buffer | string) => shell.input(chunk.toString());
    const shell = new LabShell({
      workspace,
      session,
      host: args.host ?? 'client',
      cols: size.columns ?? 80,
      rows: size.rows ?? 24,
      write: (data) => io.stdout(data),
      onLogout: () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        done(shell.lastStatus);
      },
    });
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
    size.on('resize', () => shell.resize(size.columns ?? 80, size.rows ?? 24));
    shell.start();
  });
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((done) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (text += c));
    stream.on('end', () => done(text));
    stream.on('error', () => done(text));
  });
}

/** writeOutputs writes the trace and capture asked for; false (after saying why) when one cannot be written. */
function writeOutputs(session: LabSession, args: ShellArgs, io: CliIo): boolean {
  const files: [string | undefined, () => string | Uint8Array][] = [
    [args.trace, () => exec.traceJsonLines(session.world)],
    [args.pcap, () => exec.capturePcap(session.world)],
  ];
  for (const [file, content] of files) {
    if (file === undefined) continue;
    try {
      writeFileSync(resolve(io.cwd, file), content());
    } catch (e) {
      io.stderr(`socklab shell: cannot write '${file}': ${e instanceof Error ? e.message : String(e)}\n`);
      return false;
    }
  }
  return true;
}
