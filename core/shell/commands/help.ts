// help: the list of commands, or one command's synopsis and an example.
import type { ShellCommand } from '../command';

/** help lists every command with its summary, or describes one command. */
export const help: ShellCommand = {
  name: 'help',
  summary: 'list commands, or describe one: help CMD',
  usage: 'help [COMMAND]',
  example: 'help ls',
  completesFiles: false,
  run(argv, io) {
    const name = argv[1];
    if (name !== undefined) {
      const cmd = io.commands.get(name);
      if (!cmd) {
        io.err(`help: no help topics match '${name}'\n`);
        return 1;
      }
      io.out(`${cmd.name} - ${cmd.summary}\n  usage:   ${cmd.usage}\n  example: ${cmd.example}\n`);
      return 0;
    }
    io.out('SockLab lab shell commands (help CMD for one):\n');
    const width = Math.max(...[...io.commands.keys()].map((n) => n.length));
    for (const cmd of io.commands.values()) io.out(`  ${cmd.name.padEnd(width)}  ${cmd.summary}\n`);
    io.out('Combine:  a; b   a && b   a || b   a | b        Expand: $?  ~  *.c\n');
    io.out('Redirect: > FILE   >> FILE   < FILE   2> FILE   2>&1\n');
    io.out('Keys: Up/Down history, Tab completion, Ctrl-A/E/K/U/W editing, Ctrl-L clear,\n');
    io.out('      Ctrl-C cancel, Ctrl-D end of typed input (cat > FILE, lines, Ctrl-D).\n');
    return 0;
  },
};
