// SessionHost is main's transport-agnostic heart: each window (Electron) or WebSocket
// connection (web mode) opens one Session, which validates every message against the
// contract before dispatching it and pushes events back through its Peer. The Electron and
// WebSocket adapters only move messages; all behaviour lives here, so web mode and the
// desktop app behave the same.
import * as v from 'valibot';
import type { CParser, Workspace } from '../../core/index';
import { LabSession } from '../../core/index';
import type {
  CommandName,
  CommandPayload,
  ErrorCode,
  EventName,
  EventPayload,
  Reply,
  ReplyValue,
  RequestArgs,
  RequestName,
} from '../common/contract';
import { CONTRACT_VERSION, commandSchemas, describeIssues, requestSchemas } from '../common/contract';
import { RequestError, WorkspaceFiles } from './files';
import { loadParser } from '../cli/parser';
import { TerminalSet } from './terminals';
import { ViewsHost } from './views';
import { checkSource } from './viewsEditor';
import { LabsHost, labsProgressDir } from './labs';
import { projectRoot } from '../cli/root';

/** Peer is how a session pushes events to its window. */
export interface Peer {
  send<N extends EventName>(name: N, payload: EventPayload<N>): void;
}

/** HostOptions describe the process the host runs in. */
export interface HostOptions {
  mode: 'electron' | 'web';
  version: string;
  workspaceDir: string;
  workspace: Workspace;
  /** loadParser loads the C parser once for all sessions (default: the built wasm files, or node_modules). */
  loadParser?: () => Promise<CParser>;
  /** userDataDir is where the student's lab progress is kept (default: .socklab in the workspace). */
  userDataDir?: string;
  /** labsDir is the folder of lab folders (default: the project's labs/). */
  labsDir?: string;
}

type RequestHandlers = {
  [N in RequestName]: (args: RequestArgs<N>) => ReplyValue<N> | Promise<ReplyValue<N>>;
};
type CommandHandlers = { [N in CommandName]: (payload: CommandPayload<N>) => string | undefined };

/** SessionHost owns one Session per connected window. */
export class SessionHost {
  readonly options: HostOptions;
  readonly #sessions = new Set<Session>();
  #parser: Promise<CParser> | undefined;

  constructor(options: HostOptions) {
    this.options = options;
  }

  /** parser is the C parser every session shares, loaded on first use. */
  parser(): Promise<CParser> {
    this.#parser ??= (this.options.loadParser ?? loadParser)();
    return this.#parser;
  }

  /** open starts a session for a newly connected window. */
  open(peer: Peer): Session {
    const session = new Session(this, peer, () => this.#sessions.delete(session));
    this.#sessions.add(session);
    return session;
  }

  /** sessionCount is how many windows are connected. */
  get sessionCount(): number {
    return this.#sessions.size;
  }
}

/** Session is one window's simulator session: its terminals and, later, its world. */
export class Session {
  readonly #host: SessionHost;
  readonly #peer: Peer;
  readonly #onClose: () => void;
  readonly #terminals: TerminalSet;
  readonly #files: WorkspaceFiles;
  /** lab is the window's simulated world, shared by its terminals, views and labs. */
  readonly lab: LabSession;
  #closed = false;

  constructor(host: SessionHost, peer: Peer, onClose: () => void) {
    this.#host = host;
    this.#peer = peer;
    this.#onClose = onClose;
    this.lab = new LabSession({ parser: host.parser(), defer: (fn) => void setImmediate(fn) });
    this.lab.setTraceLevel('full'); // the lab views read calls, field changes and skb operations
    this.lab.onChange((change) => this.#views.changed(change));
    this.lab.onPause(({ proc, path, line }) =>
      this.#peer.send('program.line', { host: proc.host.name, pid: proc.pid, path, line }),
    );
    this.#terminals = new TerminalSet(
      host.options.workspace,
      this.lab,
      (terminalId, data) => this.#peer.send('terminal.output', { terminalId, data }),
      (path) => this.#peer.send('editor.open', { path }),
    );
    this.#files = new WorkspaceFiles(host.options.workspace);
  }

  readonly #views = new ViewsHost(
    () => this.lab?.world,
    (payload) => this.#peer.send('views.changed', payload),
  );

  readonly #labs = new LabsHost({
    workspace: () => this.#host.options.workspace,
    session: () => this.lab,
    parser: () => this.#host.parser(),
    changed: (payload) => this.#peer.send('labs.changed', payload),
    dirs: () => ({
      labsDir: this.#host.options.labsDir ?? `${projectRoot()}/labs`,
      progressDir: labsProgressDir(this.#host.options.workspaceDir, this.#host.options.userDataDir),
    }),
  });

  readonly #requests: RequestHandlers = {
    'app.info': () => ({
      name: 'SockLab',
      version: this.#host.options.version,
      contractVersion: CONTRACT_VERSION,
      mode: this.#host.options.mode,
      workspace: this.#host.options.workspaceDir,
    }),
    'terminal.open': (args) => this.#terminals.open(args.cols, args.rows, args.host ?? 'client'),
    'workspace.list': () => this.#files.list(),
    'file.stat': (args) => this.#files.stat(args.path),
    'file.read': (args) => this.#files.read(args.path),
    'file.write': (args) => this.#files.write(args.path, args.text, args.expectedMtimeMs),
    'file.create': (args) => this.#files.create(args.path, args.text),
    ...this.#views.handlers,
    'editor.check': (args) => checkSource(this.lab.parser, this.#host.options.workspace, args),
    ...this.#labs.handlers,
  };

  readonly #commands: CommandHandlers = {
    'terminal.input': (p) => this.#terminals.input(p.terminalId, p.data),
    'terminal.resize': (p) => this.#terminals.resize(p.terminalId, p.cols, p.rows),
    'terminal.close': (p) => this.#terminals.close(p.terminalId),
    'program.step': (p) => this.#resume(p.host, p.pid, 'step'),
    'program.continue': (p) => this.#resume(p.host, p.pid, 'continue'),
  };

  /** resume runs a program paused by `step` on; it names the problem when there is no such paused program. */
  #resume(host: string, pid: number, mode: 'step' | 'continue'): string | undefined {
    const h = this.lab.world.hosts.get(host);
    const proc = h === undefined ? undefined : this.lab.exec.find(h, pid);
    if (proc === undefined || proc.pausedAt === null) return `no program ${pid} is paused on ${host}`;
    this.lab.resume(proc, mode);
    return undefined;
  }

  /** request validates and answers one request; it never throws. */
  async request(name: string, args: unknown): Promise<Reply<unknown>> {
    if (this.#closed) return failure('bad-request', 'the session is closed');
    if (!Object.hasOwn(requestSchemas, name)) return failure('unknown-name', `unknown request "${name}"`);
    const key = name as RequestName;
    const parsed = v.safeParse(requestSchemas[key].args, args ?? {});
    if (!parsed.success) return failure('bad-request', `${name}: ${describeIssues(parsed.issues)}`);
    try {
      const handler = this.#requests[key] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      if (error instanceof RequestError) return failure(error.code, error.message);
      return failure('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** command validates and runs one command; a rejected one is reported as an ipc.rejected event. */
  command(name: string, payload: unknown): void {
    const problem = this.#runCommand(name, payload);
    if (problem !== undefined) this.#peer.send('ipc.rejected', { name, message: problem });
  }

  /** reject tells the window a message could not even be read. */
  reject(name: string, message: string): void {
    this.#peer.send('ipc.rejected', { name, message });
  }

  /** close ends the session and everything running in it. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#terminals.closeAll();
    this.lab.dispose();
    this.#labs.dispose();
    this.#onClose();
  }

  #runCommand(name: string, payload: unknown): string | undefined {
    if (this.#closed) return 'the session is closed';
    if (!Object.hasOwn(commandSchemas, name)) return `unknown command "${name}"`;
    const key = name as CommandName;
    const parsed = v.safeParse(commandSchemas[key], payload);
    if (!parsed.success) return `${name}: ${describeIssues(parsed.issues)}`;
    try {
      const handler = this.#commands[key] as (p: unknown) => string | undefined;
      return handler(parsed.output);
    } catch (error) {
      return `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

function failure(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
