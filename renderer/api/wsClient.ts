// Web mode's transport: the contract's requests, commands and events over one WebSocket,
// with messages queued until the socket opens and pending requests failed if it closes; the
// messages sent in one task leave as one frame.
import type {
  ClientMessage,
  CommandName,
  CommandPayload,
  EventName,
  EventPayload,
  MaxBatch,
  Reply,
  ReplyValue,
  RequestArgs,
  RequestName,
  ServerMessage,
  SocklabApi,
} from '../../main/common/contract';

/** MAX_BATCH is the contract's MaxBatch: the most messages one frame carries. */
const MAX_BATCH: MaxBatch = 64;

/** WebSocketApi implements SocklabApi over a WebSocket to web mode's server. */
export class WebSocketApi implements SocklabApi {
  readonly #socket: WebSocket;
  readonly #queue: string[] = [];
  readonly #outbox: ClientMessage[] = [];
  readonly #pending = new Map<number, (reply: Reply<unknown>) => void>();
  readonly #listeners = new Map<string, Set<(payload: never) => void>>();
  readonly #disconnectListeners: ((reason: string) => void)[] = [];
  #nextId = 1;
  #closed: string | undefined;

  constructor(url: string) {
    this.#socket = new WebSocket(url);
    this.#socket.addEventListener('open', () => {
      for (const text of this.#queue.splice(0)) this.#socket.send(text);
    });
    this.#socket.addEventListener('message', (event) => this.#receive(String(event.data)));
    this.#socket.addEventListener('close', (event) =>
      this.#close(
        event.code === 1006 ? 'the connection to SockLab was refused or lost' : `closed (${event.code})`,
      ),
    );
  }

  request<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Reply<ReplyValue<N>>> {
    if (this.#closed)
      return Promise.resolve({ ok: false, error: { code: 'internal', message: this.#closed } });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (reply: Reply<unknown>) => void);
      this.#send({ type: 'request', id, name, args });
    });
  }

  command<N extends CommandName>(name: N, payload: CommandPayload<N>): void {
    if (!this.#closed) this.#send({ type: 'command', name, args: payload });
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.#listeners.set(name, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** onDisconnect registers a listener for the loss of the connection. */
  onDisconnect(listener: (reason: string) => void): void {
    if (this.#closed) listener(this.#closed);
    else this.#disconnectListeners.push(listener);
  }

  /** #send queues a message; the messages sent in one task leave as one frame (a batch when several), so main answers them in one turn. */
  #send(message: ClientMessage): void {
    if (this.#outbox.push(message) === 1) queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    const messages = this.#outbox.splice(0);
    for (let i = 0; i < messages.length; i += MAX_BATCH) {
      const part = messages.slice(i, i + MAX_BATCH);
      const text = JSON.stringify(part.length === 1 ? part[0] : { type: 'batch', messages: part });
      if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(text);
      else this.#queue.push(text);
    }
  }

  #receive(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    this.#dispatch(message);
  }

  #dispatch(message: ServerMessage): void {
    if (message.type === 'batch') {
      for (const one of message.messages) this.#dispatch(one);
      return;
    }
    if (message.type === 'reply') {
      this.#pending.get(message.id)?.(message.reply);
      this.#pending.delete(message.id);
      return;
    }
    for (const listener of this.#listeners.get(message.name) ?? []) listener(message.payload as never);
  }

  #close(reason: string): void {
    if (this.#closed) return;
    this.#closed = reason;
    for (const resolve of this.#pending.values())
      resolve({ ok: false, error: { code: 'internal', message: reason } });
    this.#pending.clear();
    for (const listener of this.#disconnectListeners) listener(reason);
  }
}
