// A lab shell wired to a headless xterm, so tests assert what the student would see on the
// screen (after cursor movement and redraws), not the raw escape sequences.
import { Terminal } from '@xterm/headless';
import { LabSession, LabShell, MemoryWorkspace } from '../../core/index';
import type { CParser, LabShellOptions, Workspace } from '../../core/index';
import type { KernelVersion } from '../../core/kernel/index';

/** ShellScreen drives a LabShell through a real terminal emulator. */
export interface ShellScreen {
  shell: LabShell;
  term: Terminal;
  /** workspace is the files the shell works on. */
  workspace: Workspace;
  /** type sends keys and waits until the terminal has drawn the shell's answer. */
  type(data: string): Promise<void>;
  /** lines are the screen's non-empty rows (scrollback included), right-trimmed. */
  lines(): string[];
  /** cursorLine is the text of the row the cursor is on. */
  cursorLine(): string;
  cursorX(): number;
  /** run types a command line and Enter, and returns the rows printed before the next prompt. */
  run(line: string): Promise<string[]>;
}

/** openShell starts a shell on a cols×rows headless terminal over the given workspace (extra options: spawn, session, host, openEditor). */
export async function openShell(
  files: Record<string, string> | Workspace = {},
  cols = 80,
  rows = 24,
  options: Pick<LabShellOptions, 'spawn' | 'session' | 'host' | 'openEditor'> = {},
): Promise<ShellScreen> {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  let writes: Promise<void> = Promise.resolve();
  const write = (data: string) => {
    writes = writes.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  };
  const workspace =
    files instanceof MemoryWorkspace || 'readText' in files
      ? (files as Workspace)
      : new MemoryWorkspace(files as Record<string, string>);
  const shell = new LabShell({ workspace, write, cols, rows, ...options });
  shell.start();
  await writes;
  const row = (y: number) => term.buffer.active.getLine(y)?.translateToString(true) ?? '';
  const lines = () => {
    const out: string[] = [];
    for (let y = 0; y < term.buffer.active.length; y++) out.push(row(y));
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  };
  return {
    shell,
    term,
    workspace,
    async type(data) {
      shell.input(data);
      await writes;
    },
    lines,
    async run(line) {
      const before = lines().length;
      shell.input(line + '\r');
      await writes;
      return lines().slice(before, -1);
    },
    cursorLine() {
      return row(term.buffer.active.baseY + term.buffer.active.cursorY);
    },
    cursorX() {
      return term.buffer.active.cursorX;
    },
  };
}

/** LabScreenOptions say which world a lab shell opens on and how big its terminal is. */
export interface LabScreenOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly host?: string;
  readonly kernel?: KernelVersion;
  readonly openEditor?: (path: string) => void;
  /** session is a LabSession to open one more shell on (several hosts' terminals share a world); without it a fresh one. */
  readonly session?: LabSession;
}

/** LabScreen is a shell on a LabSession (a fresh one, seed 1, unless given) whose world runs only when the test lets it. */
export interface LabScreen {
  session: LabSession;
  screen: ShellScreen;
  /** settle runs the world until the shell is back at its prompt with nothing due (background programs run on). */
  settle(): Promise<void>;
  /** run types a line, settles, and returns the rows printed before the next prompt. */
  run(line: string): Promise<string[]>;
}

/** openLabShell opens a shell over files on a simulated world (a fresh one unless o.session is given). */
export async function openLabShell(
  parser: CParser,
  files: Record<string, string> | Workspace = {},
  o: LabScreenOptions = {},
): Promise<LabScreen> {
  const session =
    o.session ??
    new LabSession({
      parser,
      seed: 1,
      ...(o.kernel === undefined ? {} : { kernel: o.kernel }),
    });
  const screen = await openShell(files, o.cols ?? 120, o.rows ?? 30, {
    session,
    ...(o.host === undefined ? {} : { host: o.host }),
    ...(o.openEditor === undefined ? {} : { openEditor: o.openEditor }),
  });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 200 && session.settle(20) && screen.shell.busy; i++) await screen.type('');
    await screen.type('');
  };
  return {
    session,
    screen,
    settle,
    async run(line) {
      const before = screen.lines().length;
      await screen.type(line + '\r');
      await settle();
      return screen.lines().slice(before, -1);
    },
  };
}
