import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../common/contract';
import { outbox } from './outbox';

describe('outbox', () => {
  const reply = (id: number): ServerMessage => ({ type: 'reply', id, reply: { ok: true, value: id } });

  it('writes the messages of one turn as one batch, in order, and a lone message as itself', () => {
    const written: unknown[] = [];
    const turns: (() => void)[] = [];
    const send = outbox(
      (text) => written.push(JSON.parse(text)),
      (flush) => turns.push(flush),
    );
    send(reply(1));
    send({ type: 'event', name: 'views.changed', payload: { seq: 3, reset: false } });
    send(reply(2));
    expect(turns).toHaveLength(1);
    turns.shift()!();
    send(reply(3));
    turns.shift()!();
    expect(written).toEqual([
      {
        type: 'batch',
        messages: [
          reply(1),
          { type: 'event', name: 'views.changed', payload: { seq: 3, reset: false } },
          reply(2),
        ],
      },
      reply(3),
    ]);
  });

  it('flushes on the next turn by default', async () => {
    const written: string[] = [];
    const send = outbox((text) => written.push(text));
    send(reply(1));
    send(reply(2));
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!).messages).toHaveLength(2);
  });
});
