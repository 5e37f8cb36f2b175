// The one contract between the renderer and main: three name → schema maps (requests with
// replies, fire-and-forget commands, events pushed to the renderer), the reply union and the
// transport envelopes. Types are derived from the schemas, so nothing is written twice; main
// validates everything that crosses with these schemas before it dispatches (VS Code's
// validatedIpcMain, Heroic's derived preload). Electron IPC and the web-mode WebSocket carry
// exactly these messages.
import * as v from 'valibot';
import { viewEventSchemas, viewRequestSchemas } from './viewContract';
import { labEventSchemas, labRequestSchemas } from './labContract';

/** CONTRACT_VERSION changes whenever a message's shape changes incompatibly. */
export const CONTRACT_VERSION = 1;

const terminalId = v.pipe(v.string(), v.regex(/^t[0-9]{1,6}$/, 'a terminal id like "t1"'));
const cells = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));
const hostName = v.picklist(['client', 'server']);
const programPid = v.pipe(v.number(), v.integer(), v.minValue(1));
const programHost = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** A workspace file's path as the editor names it: relative to the student's home (`src/a.c`). */
const filePath = v.pipe(
  v.string(),
  v.minLength(1, 'an empty path'),
  v.maxLength(4096),
  v.check((p) => !p.includes('\0'), 'a path without NUL characters'),
);
const mtimeMs = v.pipe(v.number(), v.finite());
/**
 * MAX_EDITOR_TEXT is the most text the editor reads (bytes) or writes (UTF-16 code units) in one
 * file: even fully escaped in JSON, a write then stays under web mode's 2 MiB message bound.
 */
export const MAX_EDITOR_TEXT = 256 * 1024;
const fileText = v.pipe(v.string(), v.maxLength(MAX_EDITOR_TEXT));

/** paneIds names every region of the window, in layout order. */
export const paneIds = ['lab', 'editor', 'terminal', 'inspector', 'path', 'packets', 'timeline'] as const;
/** PaneId is one region of the window. */
export type PaneId = (typeof paneIds)[number];

/** menuActions are what the desktop menu asks the renderer to do. */
export const menuActions = [
  'file.new',
  'file.open',
  'file.save',
  'view.fontLarger',
  'view.fontSmaller',
  'view.fontReset',
  ...paneIds.map((p) => `view.toggle.${p}` as const),
  'view.language.en',
  'view.language.zh-CN',
] as const;

/** requestSchemas maps each request name to its argument and reply schemas. */
export const requestSchemas = {
  'app.info': {
    args: v.strictObject({}),
    reply: v.object({
      name: v.string(),
      version: v.string(),
      contractVersion: v.number(),
      mode: v.picklist(['electron', 'web']),
      workspace: v.string(),
    }),
  },
  'terminal.open': {
    args: v.strictObject({ cols: cells(1000), rows: cells(500), host: v.optional(hostName) }),
    reply: v.object({ terminalId: v.string(), host: v.string() }),
  },
  /** Lists the workspace's text files (C sources first of all), recursively and bounded. */
  'workspace.list': {
    args: v.strictObject({}),
    reply: v.object({
      files: v.array(v.object({ path: v.string(), size: v.number(), mtimeMs: v.number() })),
      truncated: v.boolean(),
    }),
  },
  /** Describes one workspace file; not-found when it is gone. */
  'file.stat': {
    args: v.strictObject({ path: filePath }),
    reply: v.object({ path: v.string(), size: v.number(), mtimeMs: v.number() }),
  },
  /** Reads one workspace file as UTF-8 text. */
  'file.read': {
    args: v.strictObject({ path: filePath }),
    reply: v.object({ path: v.string(), text: v.string(), mtimeMs: v.number() }),
  },
  /** Replaces a file atomically; with expectedMtimeMs it refuses (conflict) when the file changed since. */
  'file.write': {
    args: v.strictObject({ path: filePath, text: fileText, expectedMtimeMs: v.optional(mtimeMs) }),
    reply: v.object({ path: v.string(), mtimeMs: v.number() }),
  },
  /** Creates a new file atomically; exists when the name is taken. */
  'file.create': {
    args: v.strictObject({ path: filePath, text: fileText }),
    reply: v.object({ path: v.string(), mtimeMs: v.number() }),
  },
  ...viewRequestSchemas,
  ...labRequestSchemas,
} as const;

/** commandSchemas maps each fire-and-forget command to its payload schema. */
export const commandSchemas = {
  'terminal.input': v.strictObject({ terminalId, data: v.pipe(v.string(), v.maxLength(1 << 20)) }),
  'terminal.resize': v.strictObject({ terminalId, cols: cells(1000), rows: cells(500) }),
  'terminal.close': v.strictObject({ terminalId }),
  /** Runs a program paused by `step` to its next source line (the editor's Step button). */
  'program.step': v.strictObject({ host: programHost, pid: programPid }),
  /** Lets a program paused by `step` run freely (the editor's Continue button). */
  'program.continue': v.strictObject({ host: programHost, pid: programPid }),
} as const;

/** eventSchemas maps each event main pushes to the renderer to its payload schema. */
export const eventSchemas = {
  'terminal.output': v.object({ terminalId: v.string(), data: v.string() }),
  'menu.action': v.object({ action: v.picklist(menuActions) }),
  'ipc.rejected': v.object({ name: v.string(), message: v.string() }),
  /** The shell's `edit FILE` asks the window to open a workspace file (relative path) in the editor. */
  'editor.open': v.object({ path: v.string() }),
  /** A program run by `step` paused before a line of its C file (workspace-relative path), or ran on (line null). */
  'program.line': v.object({
    host: v.string(),
    pid: v.number(),
    path: v.string(),
    line: v.nullable(v.number()),
  }),
  ...viewEventSchemas,
  ...labEventSchemas,
} as const;

type RequestSchemas = typeof requestSchemas;
type CommandSchemas = typeof commandSchemas;
type EventSchemas = typeof eventSchemas;

/** RequestName is any request the renderer may send. */
export type RequestName = keyof RequestSchemas;
/** CommandName is any command the renderer may send. */
export type CommandName = keyof CommandSchemas;
/** EventName is any event main may push. */
export type EventName = keyof EventSchemas;
/** RequestArgs is the argument object of request N. */
export type RequestArgs<N extends RequestName> = v.InferOutput<RequestSchemas[N]['args']>;
/** ReplyValue is the successful reply value of request N. */
export type ReplyValue<N extends RequestName> = v.InferOutput<RequestSchemas[N]['reply']>;
/** CommandPayload is the payload of command N. */
export type CommandPayload<N extends CommandName> = v.InferOutput<CommandSchemas[N]>;
/** EventPayload is the payload of event N. */
export type EventPayload<N extends EventName> = v.InferOutput<EventSchemas[N]>;
/** MenuAction is one thing the application menu can ask for. */
export type MenuAction = (typeof menuActions)[number];

/**
 * ErrorCode classifies why a request failed: a malformed or unknown message, or the workspace
 * refusing (not-found, denied for a path outside it, exists, conflict when the file changed on
 * disk since it was read, too-large, io), or a bug (internal).
 */
export type ErrorCode =
  | 'bad-request'
  | 'unknown-name'
  | 'not-found'
  | 'denied'
  | 'exists'
  | 'conflict'
  | 'too-large'
  | 'io'
  | 'internal';
/** Reply is what every request resolves to: a value or a typed error, never a throw. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** SocklabApi is the surface the renderer sees as `window.socklab`, whatever the transport. */
export interface SocklabApi {
  request<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Reply<ReplyValue<N>>>;
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): void;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

/** ipcChannels are the Electron IPC channels the contract travels on (requests: the requests a page made in one task, answered in one reply). */
export const ipcChannels = {
  request: 'socklab:request',
  requests: 'socklab:requests',
  command: 'socklab:command',
  event: 'socklab:event',
} as const;

/** clientMessageSchema validates one WebSocket message from the renderer. */
export const clientMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('request'),
    id: v.pipe(v.number(), v.integer(), v.minValue(0)),
    name: v.string(),
    args: v.unknown(),
  }),
  v.strictObject({ type: v.literal('command'), name: v.string(), args: v.unknown() }),
]);
/** ClientMessage is one WebSocket message from the renderer. */
export type ClientMessage = v.InferOutput<typeof clientMessageSchema>;
/** MaxBatch bounds the messages one batch frame may carry (a type too, so the renderer, which imports only types from here, is held to the same number). */
export type MaxBatch = 64;
/** MAX_BATCH is MaxBatch as a value. */
export const MAX_BATCH: MaxBatch = 64;
/** clientBatchSchema is a frame carrying, in order, the messages the renderer sent in one task (each is validated on its own). */
export const clientBatchSchema = v.strictObject({
  type: v.literal('batch'),
  messages: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_BATCH)),
});
/** ClientFrame is one WebSocket frame from the renderer: a message, or a batch of them. */
export type ClientFrame = ClientMessage | { type: 'batch'; messages: ClientMessage[] };
/** ServerMessage is one WebSocket message to the renderer. */
export type ServerMessage =
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  /** batch carries, in order, the messages main produced in one event-loop turn (the replies to
   * one timeline move's view requests), so the window applies them in one task and one frame. */
  | { type: 'batch'; messages: ServerMessage[] };

/** describeIssues turns schema issues into one readable sentence naming each bad field. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
