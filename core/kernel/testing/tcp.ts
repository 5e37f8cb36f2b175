// A two-host TCP fixture: a server task listening on 8080 and a client task connected to it,
// with the handshake run to completion, as a starting point for TCP scenario tests.

import { ipFromString } from '../include/uapi/in';
import type { KernelVersion } from '../profiles';
import { STUDENT } from '../sched/task';
import { accept4, bind, connect, listen, recv, send, socket, spawn, type SysResult } from '../syscalls';
import { MSG_DONTWAIT } from '../include/uapi/socket';
import { World, type WorldOptions } from '../world/world';
import type { Host } from '../host/host';

/** Established is a connected pair: the world, both hosts, both pids and fds, and the two connect results. */
export interface Established {
  readonly w: World;
  readonly c: Host;
  readonly s: Host;
  readonly cp: number;
  readonly sp: number;
  readonly cfd: number;
  readonly lfd: number;
  readonly afd: SysResult;
  /** first is connect()'s first result (a Block), second its result when re-invoked after the handshake. */
  readonly first: SysResult;
  readonly second: SysResult;
}

/** established runs listen, connect (blocking, re-invoked after the handshake) and accept on kernel. */
export function established(kernel: KernelVersion, opts: WorldOptions = {}): Established {
  const w = new World({ ...opts, kernel });
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const lfd = socket(s, sp, 2, 1, 0);
  bind(s, sp, lfd, { family: 2, port: 8080, addr: 0 });
  listen(s, sp, lfd, 5);
  const cfd = socket(c, cp, 2, 1, 0);
  const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
  const first = connect(c, cp, cfd, dst);
  w.sim.runUntilIdle();
  const second = connect(c, cp, cfd, dst);
  const afd = accept4(s, sp, lfd);
  return { w, c, s, cp, sp, cfd, lfd, afd, first, second };
}

/** transfer moves data client → server over an established pair with non-blocking send() and recv() turns every sliceNs of simulated time; it returns what the server read. */
export function transfer(
  e: Established,
  data: Uint8Array,
  sliceNs = 1_000_000,
  maxTurns = 1_000_000,
): Uint8Array {
  const { w, c, s, cp, sp, cfd, afd } = e;
  if (typeof afd !== 'number' || afd < 0) throw new Error(`transfer: accept gave ${String(afd)}`);
  const got = new Uint8Array(data.length);
  const buf = new Uint8Array(1 << 16);
  let sent = 0;
  let n = 0;
  for (let turn = 0; turn < maxTurns && n < data.length; turn++) {
    if (sent < data.length) {
      const r = send(c, cp, cfd, data.subarray(sent), MSG_DONTWAIT);
      if (typeof r === 'number' && r > 0) sent += r;
    }
    w.sim.runUntil(w.sim.now + sliceNs);
    for (;;) {
      const r = recv(s, sp, afd, buf, MSG_DONTWAIT);
      if (typeof r !== 'number' || r <= 0) break;
      got.set(buf.subarray(0, r), n);
      n += r;
    }
  }
  return got.subarray(0, n);
}
