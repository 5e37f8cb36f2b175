// `socklab <subcommand> …`: picks the subcommand from COMMANDS and runs it; `help` (also -h,
// --help and no arguments) lists them, `--version` prints the version, and an unknown name is
// a usage error (exit 2).

import { COMMANDS } from './commands';
import type { CliIo } from './io';
import { projectVersion } from './root';

/** USAGE_ERROR is the exit status of a command line SockLab cannot make sense of. */
export const USAGE_ERROR = 2;

/** helpText lists the subcommands with their summaries. */
export function helpText(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const rows = names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`);
  return [
    'usage: socklab <command> [options] [arguments]',
    '',
    'commands:',
    ...rows,
    '',
    "Run 'socklab <command> --help' for a command's options.",
    '',
  ].join('\n');
}

/** socklab runs one command line (the arguments after `socklab`) and resolves to its exit status. */
export async function socklab(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(helpText());
    return USAGE_ERROR;
  }
  if (name === 'help' || name === '-h' || name === '--help') {
    io.stdout(helpText());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`socklab ${projectVersion()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.stderr(
      `socklab: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'socklab help')\n`,
    );
    return USAGE_ERROR;
  }
  const { main } = await command.load();
  return main(rest, io);
}
