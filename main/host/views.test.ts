import { describe, expect, it } from 'vitest';
import { views } from '../../core/index';
import type { EventPayload } from '../common/contract';
import { RequestError } from './files';
import { ViewsHost } from './views';

type World = ReturnType<typeof views.bulkTransferWorld>;

function host(world: World | undefined) {
  const events: EventPayload<'views.changed'>[] = [];
  const views = new ViewsHost(
    () => world,
    (p) => events.push(p),
  );
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { views, events, settle };
}

describe('ViewsHost', () => {
  it('answers not-found while the window has no world', () => {
    const { views } = host(undefined);
    expect(() => views.handlers['views.timeline']({})).toThrow(
      new RequestError('not-found', 'no simulation has run in this window yet'),
    );
  });

  it('answers from the world it reads through the accessor', () => {
    const world = views.bulkTransferWorld(3000);
    const { views: h } = host(world);
    const tl = h.handlers['views.timeline']({});
    expect(tl.total).toBe(world.trace.length);
    expect(h.handlers['views.packets']({ from: 0, count: 3 }).rows.map((r) => r.no)).toEqual([1, 2, 3]);
    expect(() => h.handlers['views.frame']({ no: 100_000 })).toThrow(
      new RequestError('not-found', 'there is no frame 100000'),
    );
  });

  it('encodes a capture as base64 with its frame count', () => {
    const world = views.bulkTransferWorld(3000);
    const { views: h } = host(world);
    const reply = h.handlers['views.capture']({ format: 'pcap' });
    expect(reply.fileName).toBe('socklab.pcap');
    expect(reply.frames).toBe(world.trace.ofKind('frame_tx').length);
    const bytes = Buffer.from(reply.base64, 'base64');
    expect(bytes.readUInt32LE(0).toString(16)).toBe('a1b23c4d');
  });

  it('compares a send under another kernel, and otherwise says why in both languages', () => {
    const world = views.bulkTransferWorld(3000);
    const { views: h } = host(world);
    const index = new views.TraceIndex(world.trace);
    index.update();
    const send = index.syscalls.find((s) => s.host === 'client' && s.name === 'send')!;
    const c = h.handlers['views.compare']({ kernel: '2.6.32', seq: send.seq });
    if ('unavailable' in c) throw new Error(c.unavailable.en);
    expect([c.here, c.there, c.path.syscall?.name]).toEqual(['3.10', '2.6.32', 'send']);
    expect(h.handlers['views.compare']({ kernel: '3.10', seq: send.seq })).toEqual({
      unavailable: {
        en: 'this session already runs 3.10: pick another version',
        zh: '本会话运行的就是 3.10：请选择另一个版本',
      },
    });
  });

  it('pushes one views.changed per burst, with the last seq, and says when a reset happened', async () => {
    const world = views.bulkTransferWorld(3000);
    const { views: h, events, settle } = host(world);
    h.changed({ kind: 'trace', seq: 1 });
    h.changed({ kind: 'trace', seq: 2 });
    await settle();
    expect(events).toEqual([{ seq: world.trace.length - 1, reset: false }]);
    h.changed({ kind: 'trace', seq: 3 });
    h.changed({ kind: 'reset' });
    h.changed({ kind: 'trace', seq: 4 });
    await settle();
    expect(events.slice(1)).toEqual([{ seq: world.trace.length - 1, reset: true }]);
  });
});
