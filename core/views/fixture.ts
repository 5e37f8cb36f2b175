// The views' test fixture: the kernel's established client → server:8080 pair, then one
// send() of "hello" run to quiet, with the views over it and the send's syscall marker.
// Shared by the views' unit tests (it lives beside them, like the kernel's testing/).

import { established, send as sysSend } from '../kernel/index';
import type { SyscallMark } from './traceIndex';
import { TraceIndex } from './traceIndex';
import { WorldViews } from './worldViews';

/** SentHello is the fixture: the views, an index, and the markers of the client's calls. */
export interface SentHello {
  readonly views: WorldViews;
  readonly index: TraceIndex;
  readonly send: SyscallMark;
  readonly socket: SyscallMark;
  readonly connects: SyscallMark[];
}

/** sentHello builds the fixture on 3.10. */
export function sentHello(): SentHello {
  const e = established('3.10');
  sysSend(
    e.c,
    e.cp,
    e.cfd,
    Uint8Array.from('hello', (c) => c.charCodeAt(0)),
    0,
  );
  e.w.sim.runUntilIdle();
  const views = new WorldViews(e.w);
  const index = new TraceIndex(e.w.trace);
  index.update();
  const client = index.syscalls.filter((s) => s.host === 'client');
  const one = (name: string): SyscallMark => {
    const m = client.find((s) => s.name === name);
    if (!m) throw new Error(`sentHello: no ${name} call`);
    return m;
  };
  return {
    views,
    index,
    send: one('send'),
    socket: one('socket'),
    connects: client.filter((s) => s.name === 'connect'),
  };
}
