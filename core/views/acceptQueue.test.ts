import { describe, expect, it } from 'vitest';
import {
  accept4,
  connect,
  established,
  ipFromString,
  socket,
  spawn,
  STUDENT,
  type Established,
} from '../kernel/index';
import type { InspectorNode, InspectorView } from './inspector';
import { WorldViews } from './worldViews';

const SERVER = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };

/** acceptQueues returns, per root "host fd", the icsk_accept_queue rows as "name=value". */
function acceptQueues(view: InspectorView): Record<string, string[]> {
  const find = (n: InspectorNode): InspectorNode | undefined =>
    n.name === 'icsk_accept_queue' ? n : n.children.map(find).find(Boolean);
  const out: Record<string, string[]> = {};
  for (const r of view.roots) {
    const q = find(r.node);
    if (q) out[`${r.host} ${r.fd}`] = q.fields.map((f) => `${f.name}=${f.value}`);
  }
  return out;
}

/** connectAnother connects a new client task to server:8080 (a task blocked in connect() cannot make another call). */
function connectAnother(e: Established): void {
  const pid = spawn(e.c, STUDENT);
  connect(e.c, pid, socket(e.c, pid, 2, 1, 0), SERVER);
}

describe('icsk_accept_queue in the inspector', () => {
  it('lists the children waiting for accept() oldest first, and drops the one accept() took', () => {
    const e = established('3.10');
    connectAnother(e);
    e.w.sim.runUntilIdle();
    connectAnother(e);
    e.w.sim.runUntilIdle();
    const views = new WorldViews(e.w);
    const two = acceptQueues(views.inspector());
    expect(Object.keys(two)).toEqual(['server 3']);
    expect(two['server 3']!.map((r) => r.replace(/0x[0-9a-f]+ /, 'ADDR '))).toEqual([
      'qlen=0',
      'sk_ack_backlog=2',
      expect.stringMatching(/^rskq_accept_head\[0\]=ADDR 10\.0\.0\.1:\d+ TCP_ESTABLISHED \(1\)$/),
      expect.stringMatching(/^rskq_accept_head\[1\]=ADDR 10\.0\.0\.1:\d+ TCP_ESTABLISHED \(1\)$/),
    ]);
    const second = two['server 3']![3]!;
    accept4(e.s, e.sp, e.lfd);
    const one = acceptQueues(views.inspector())['server 3']!;
    expect(one).toEqual(['qlen=0', 'sk_ack_backlog=1', second.replace('[1]', '[0]')]);
  });

  it('shows a request in SYN_RECV while the handshake is under way', () => {
    const e = established('3.10');
    e.w.sim.runUntilIdle();
    connectAnother(e);
    const views = new WorldViews(e.w);
    let seen: string[] | undefined;
    for (let i = 0; i < 500 && e.w.sim.step(); i++) {
      const q = acceptQueues(views.inspector())['server 3']!;
      if (q[0] === 'qlen=1') {
        seen = q;
        break;
      }
    }
    expect(seen?.map((r) => r.replace(/0x[0-9a-f]+ /, 'ADDR ').replace(/:\d+ /, ':PORT '))).toEqual([
      'qlen=1',
      'syn_table[0]=ADDR 10.0.0.1:PORT TCP_SYN_RECV (3)',
      'sk_ack_backlog=0',
    ]);
  });

  it('is absent on a sock that is not listening', () => {
    const e = established('3.10');
    e.w.sim.runUntilIdle();
    expect(Object.keys(acceptQueues(new WorldViews(e.w).inspector()))).toEqual(['server 3']);
  });
});
