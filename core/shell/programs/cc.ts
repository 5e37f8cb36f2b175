// cc/gcc and run: compiling a student's C file into an executable in the workspace (with gcc's
// options a lab uses and gcc's messages for the rest), and compiling and running in one step.
import type { CommandIo, ShellCommand } from '../command';
import type { JobTask } from '../job';
import { fsErrorText, resolvePath } from '../workspace';
import { encodeExecutable } from './binary';
import { compileSource, readSource } from './load';
import { programTask } from './programTask';

/** IGNORED_OPTION matches gcc options that change nothing in SockLab (warnings, debug info, optimisation, standard). */
const IGNORED_OPTION = /^-(W.*|w|g\d?|O[0-3sgz]?|std=.+|pedantic|ansi|pthread|D.+|l(c|pthread|m))$/;

/** parseCc reads cc's arguments: the C file and -o; a string is gcc's error. */
function parseCc(name: string, argv: readonly string[]): { file: string; out: string } | string {
  let out = 'a.out';
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o') {
      const next = argv[++i];
      if (next === undefined) return `${name}: error: missing filename after ‘-o’\n`;
      out = next;
    } else if (a.startsWith('-o')) out = a.slice(2);
    else if (a.startsWith('-') && a !== '-') {
      if (!IGNORED_OPTION.test(a)) return `${name}: error: unrecognized command-line option ‘${a}’\n`;
    } else files.push(a);
  }
  if (files.length === 0) return `${name}: fatal error: no input files\ncompilation terminated.\n`;
  if (files.length > 1)
    return `${name}: error: SockLab compiles one C file per program (got ${files.join(' ')})\n`;
  if (!files[0]!.endsWith('.c'))
    return `${name}: error: ${files[0]}: file format not recognized (want a .c file)\n`;
  return { file: files[0]!, out };
}

function makeCc(name: 'cc' | 'gcc'): ShellCommand {
  return {
    name,
    summary: 'compile a C file into a program (-o NAME, default a.out)',
    usage: `${name} FILE.c [-o NAME]`,
    example: `${name} echo.c -o echo`,
    completesFiles: true,
    run(argv, io) {
      const lab = io.lab;
      if (lab === undefined) return noWorld(io, name);
      const parsed = parseCc(name, argv);
      if (typeof parsed === 'string') return fail(io, parsed);
      const src = readSource(io.workspace, io.cwd, parsed.file);
      if (typeof src === 'string') return fail(io, src + 'compilation terminated.\n');
      return lateTask((exit) =>
        compileSource(lab, io.workspace, src, errStream(io), (loaded) => {
          if (typeof loaded === 'number') return exit(loaded);
          const target = resolvePath(io.cwd, parsed.out);
          const written = target.ok ? io.workspace.writeText(target.value, encodeExecutable(src)) : target;
          if (!written.ok) {
            io.err(
              `/usr/bin/ld: cannot open output file ${parsed.out}: ${fsErrorText[written.errno]}\ncollect2: error: ld returned 1 exit status\n`,
            );
            return exit(1);
          }
          exit(0);
        }),
      );
    },
  };
}

/** cc compiles a C file as gcc does. */
export const cc = makeCc('cc');
/** gcc is cc under its other name. */
export const gcc = makeCc('gcc');

/** run compiles a C file and runs it at once with the given arguments. */
export const run: ShellCommand = {
  name: 'run',
  summary: 'compile a C file and run it: run FILE.c [ARG]...',
  usage: 'run FILE.c [ARG]...',
  example: 'run hello.c',
  completesFiles: true,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noWorld(io, 'run');
    const file = argv[1];
    if (file === undefined) return fail(io, 'run: usage: run FILE.c [ARG]...\n');
    const src = readSource(io.workspace, io.cwd, file);
    if (typeof src === 'string') return fail(io, src + 'compilation terminated.\n');
    const name = file.split('/').pop()!.replace(/\.c$/, '');
    return programTask({
      session: lab.session,
      host: lab.host,
      root: lab.root,
      foreground: !lab.background,
      argv: [`./${name}`, ...argv.slice(2)],
      stdio: { stdin: io.stdin, stdout: outStream(io), stderr: errStream(io) },
      load: (done) => compileSource(lab, io.workspace, src, errStream(io), done),
    });
  },
};

/** lateTask is a task whose body finishes later through exit (it ignores signals until then). */
function lateTask(body: (exit: (status: number) => void) => void): JobTask {
  let exit: ((status: number) => void) | undefined;
  return {
    start(onExit) {
      exit = onExit;
      body((status) => {
        const report = exit;
        exit = undefined;
        report?.(status);
      });
    },
    signal(signal) {
      if (signal === 'SIGCHLD' || signal === 'SIGCONT') return;
      const report = exit;
      exit = undefined;
      report?.(130);
    },
  };
}

function fail(io: CommandIo, text: string): number {
  io.err(text);
  return 1;
}

function noWorld(io: CommandIo, name: string): number {
  return fail(io, `${name}: this shell has no simulated world to run programs in\n`);
}

/** errStream is a command's stderr as a stream (isTerminal drives gcc's colours). */
export function errStream(io: CommandIo) {
  return { isTerminal: io.isatty(2), write: (t: string) => (io.err(t), true), close: () => {} };
}

/** outStream is a command's stdout as a stream. */
export function outStream(io: CommandIo) {
  return { isTerminal: io.isatty(1), write: (t: string) => (io.out(t), true), close: () => {} };
}
