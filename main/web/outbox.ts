// Web mode's outgoing side: the messages main produces in one event-loop turn (the replies to
// the view requests one timeline move sends, with any events) leave as one WebSocket frame,
// so the window applies them in one task and draws them in one frame instead of one per pane.
import type { ServerMessage } from '../common/contract';

/** outbox returns a send that queues a message and writes the turn's messages as one text: the message itself when alone, else a batch in order. */
export function outbox(
  write: (text: string) => void,
  schedule: (flush: () => void) => void = setImmediate,
): (message: ServerMessage) => void {
  let queued: ServerMessage[] = [];
  const flush = () => {
    const messages = queued;
    queued = [];
    write(JSON.stringify(messages.length === 1 ? messages[0] : { type: 'batch', messages }));
  };
  return (message) => {
    if (queued.push(message) === 1) schedule(flush);
  };
}
