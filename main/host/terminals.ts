// The terminals of one session: a lab shell per terminal id, all on the session's one
// simulated world (LabSession), each output coalesced so a burst of small writes reaches the
// window as one message per event-loop turn.
import type { LabSession, Workspace } from '../../core/index';
import { LabShell } from '../../core/index';

/** MAX_TERMINALS bounds how many terminals one window may open. */
export const MAX_TERMINALS = 16;

/** TerminalSet owns the shells of one session. */
export class TerminalSet {
  readonly #workspace: Workspace;
  readonly #session: LabSession;
  readonly #emit: (terminalId: string, data: string) => void;
  readonly #openEditor: ((path: string) => void) | undefined;
  readonly #shells = new Map<string, LabShell>();
  readonly #pending = new Map<string, string>();
  #flushScheduled = false;
  #next = 1;

  /** Every shell runs on session's world; emit carries each terminal's output; openEditor serves `edit FILE`. */
  constructor(
    workspace: Workspace,
    session: LabSession,
    emit: (terminalId: string, data: string) => void,
    openEditor?: (path: string) => void,
  ) {
    this.#workspace = workspace;
    this.#session = session;
    this.#openEditor = openEditor;
    this.#emit = emit;
  }

  /** open starts a shell on a host and returns its id. */
  open(cols: number, rows: number, host: string): { terminalId: string; host: string } {
    if (this.#shells.size >= MAX_TERMINALS) throw new Error(`at most ${MAX_TERMINALS} terminals per window`);
    const terminalId = `t${this.#next++}`;
    const shell = new LabShell({
      workspace: this.#workspace,
      session: this.#session,
      ...(this.#openEditor === undefined ? {} : { openEditor: this.#openEditor }),
      host,
      cols,
      rows,
      write: (data) => this.#queue(terminalId, data),
    });
    this.#shells.set(terminalId, shell);
    shell.start();
    return { terminalId, host };
  }

  /** input feeds keys to a terminal's shell; it returns a reason when there is no such terminal. */
  input(terminalId: string, data: string): string | undefined {
    const shell = this.#shells.get(terminalId);
    if (!shell) return `no terminal "${terminalId}"`;
    shell.input(data);
    return undefined;
  }

  /** resize tells a terminal's shell its new size. */
  resize(terminalId: string, cols: number, rows: number): string | undefined {
    const shell = this.#shells.get(terminalId);
    if (!shell) return `no terminal "${terminalId}"`;
    shell.resize(cols, rows);
    return undefined;
  }

  /** close ends one terminal. */
  close(terminalId: string): string | undefined {
    const shell = this.#shells.get(terminalId);
    if (shell === undefined) return `no terminal "${terminalId}"`;
    shell.hangup(); // its programs get SIGHUP, as when a terminal window closes
    this.#shells.delete(terminalId);
    this.#pending.delete(terminalId);
    return undefined;
  }

  /** closeAll ends every terminal. */
  closeAll(): void {
    for (const shell of this.#shells.values()) shell.hangup();
    this.#shells.clear();
    this.#pending.clear();
  }

  #queue(terminalId: string, data: string): void {
    this.#pending.set(terminalId, (this.#pending.get(terminalId) ?? '') + data);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(() => {
      this.#flushScheduled = false;
      for (const [id, text] of this.#pending) if (this.#shells.has(id)) this.#emit(id, text);
      this.#pending.clear();
    });
  }
}
