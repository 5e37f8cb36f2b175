// SessionHost is main's transport-agnostic heart: each window (Electron) or WebSocket
// connection (web mode) opens one Session, which validates every message against the
// contract before dispatching it and pushes events back through its Peer. The Electron and
// WebSocket adapters only move messages; all behaviour lives here, so web mode and the
// desktop app behave the same.
import * as v from 'valibot';
import type { Workspace } from '../../core/index';
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
import { TerminalSet } from './terminals';

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
}

type RequestHandlers = {
  [N in RequestName]: (args: RequestArgs<N>) => ReplyValue<N> | Promise<ReplyValue<N>>;
};
type CommandHandlers = { [N in CommandName]: (payload: CommandPayload<N>) => string | undefined };

/** SessionHost owns one Session per connected window. */
export class SessionHost {
  readonly options: HostOptions;
  readonly #sessions = new Set<Session>();

  constructor(options: HostOptions) {
    this.options = options;
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
  #closed = false;

  constructor(host: SessionHost, peer: Peer, onClose: () => void) {
    this.#host = host;
    this.#peer = peer;
    this.#onClose = onClose;
    this.#terminals = new TerminalSet(host.options.workspace, (terminalId, data) =>
      this.#peer.send('terminal.output', { terminalId, data }),
    );
    this.#files = new WorkspaceFiles(host.options.workspace);
  }

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
  };

  readonly #commands: CommandHandlers = {
    'terminal.input': (p) => this.#terminals.input(p.terminalId, p.data),
    'terminal.resize': (p) => this.#terminals.resize(p.terminalId, p.cols, p.rows),
    'terminal.close': (p) => this.#terminals.close(p.terminalId),
  };

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
