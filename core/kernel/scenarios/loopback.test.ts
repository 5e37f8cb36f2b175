import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { accept4, bind, connect, isBlock, listen, recv, send, socket, spawn } from '../syscalls';
import { STUDENT } from '../sched/task';
import { ipFromString } from '../include/uapi/in';

describe('TCP over lo (127.0.0.1)', () => {
  it('connects, accepts and carries data on one host without any frame on eth0', () => {
    const w = new World({ kernel: '3.10' });
    const h = w.host('server');
    const a = spawn(h, STUDENT);
    const b = spawn(h, STUDENT);
    const lfd = socket(h, a, 2, 1, 0);
    bind(h, a, lfd, { family: 2, port: 7777, addr: ipFromString('127.0.0.1')! });
    listen(h, a, lfd, 1);
    const cfd = socket(h, b, 2, 1, 0);
    const dst = { family: 2, port: 7777, addr: ipFromString('127.0.0.1')! };
    expect(isBlock(connect(h, b, cfd, dst))).toBe(true);
    w.sim.runUntilIdle();
    expect(connect(h, b, cfd, dst)).toBe(0);
    const afd = accept4(h, a, lfd);
    expect(afd).toBe(4);
    expect(send(h, b, cfd, new TextEncoder().encode('ping'))).toBe(4);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(8);
    expect(recv(h, a, afd as number, buf)).toBe(4);
    expect(w.trace.ofKind('frame_tx')).toEqual([]);
    const calls = w.trace.ofKind('call').map((e) => e.fn);
    expect(calls.includes('loopback_xmit') && calls.includes('process_backlog')).toBe(true);
  });
});
