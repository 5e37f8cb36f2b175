// Small built-ins whose behaviour follows bash and coreutils: echo, pwd, cd, clear, history.
import type { ShellCommand } from '../command';
import { resolvePath, fsErrorText, HOME } from '../workspace';

/** echo prints its arguments separated by spaces (-n: no newline; -e: backslash escapes). */
export const echo: ShellCommand = {
  name: 'echo',
  summary: 'print the arguments',
  usage: 'echo [-n] [-e] [STRING]...',
  example: 'echo hello',
  completesFiles: true,
  run(argv, io) {
    let newline = true;
    let escapes = false;
    let i = 1;
    for (; i < argv.length && /^-[ne]+$/.test(argv[i]!); i++) {
      if (argv[i]!.includes('n')) newline = false;
      if (argv[i]!.includes('e')) escapes = true;
    }
    let text = argv.slice(i).join(' ');
    if (escapes) text = unescape(text);
    io.out(newline ? text + '\n' : text);
    return 0;
  },
};

const escapeTable: Record<string, string> = {
  n: '\n',
  t: '\t',
  '\\': '\\',
  a: '\x07',
  r: '\r',
  e: '\x1b',
  '0': '\0',
};

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (whole, ch: string) => escapeTable[ch] ?? whole);
}

/** pwd prints the working directory. */
export const pwd: ShellCommand = {
  name: 'pwd',
  summary: 'print the current working directory',
  usage: 'pwd',
  example: 'pwd',
  completesFiles: false,
  run(_argv, io) {
    io.out(io.cwd + '\n');
    return 0;
  },
};

/** cd changes the working directory within the student's home. */
export const cd: ShellCommand = {
  name: 'cd',
  summary: 'change the working directory',
  usage: 'cd [DIR]',
  example: 'cd ~',
  completesFiles: true,
  run(argv, io) {
    if (argv.length > 2) {
      io.err('cd: too many arguments\n');
      return 1;
    }
    const target = argv[1] ?? '~';
    const rel = resolvePath(io.cwd, target);
    const stat = rel.ok ? io.workspace.stat(rel.value) : rel;
    if (!stat.ok) {
      io.err(`cd: ${target}: ${fsErrorText[stat.errno]}\n`);
      return 1;
    }
    if (stat.value.kind !== 'dir') {
      io.err(`cd: ${target}: Not a directory\n`);
      return 1;
    }
    io.chdir(rel.ok && rel.value ? `${HOME}/${rel.value}` : HOME);
    return 0;
  },
};

/** clear clears the terminal screen. */
export const clear: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: 'clear',
  example: 'clear',
  completesFiles: false,
  run(_argv, io) {
    io.clearScreen();
    return 0;
  },
};

/** history lists the commands typed in this shell, numbered as bash numbers them. */
export const history: ShellCommand = {
  name: 'history',
  summary: 'list the commands typed so far',
  usage: 'history [N]',
  example: 'history 5',
  completesFiles: false,
  run(argv, io) {
    const all = io.history;
    let first = 0;
    if (argv[1] !== undefined) {
      const n = Number(argv[1]);
      if (!Number.isInteger(n) || n < 0) {
        io.err(`history: ${argv[1]}: numeric argument required\n`);
        return 1;
      }
      first = Math.max(0, all.length - n);
    }
    for (let i = first; i < all.length; i++) io.out(`${String(i + 1).padStart(5)}  ${all[i]}\n`);
    return 0;
  },
};
