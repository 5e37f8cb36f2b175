import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { SO } from '../net/core/sockopt';
import { bind, setsockopt, socket, spawn } from '../syscalls';

describe('SO_REUSEADDR', () => {
  it('lets two UDP sockets share a port when both set SO_REUSEADDR, and refuses the second otherwise', () => {
    const w = new World();
    const h = w.host('client');
    const pid = spawn(h, STUDENT);
    const [a, b, c] = [socket(h, pid, 2, 2, 0), socket(h, pid, 2, 2, 0), socket(h, pid, 2, 2, 0)];
    setsockopt(h, pid, a, 1, SO.SO_REUSEADDR, 1);
    setsockopt(h, pid, b, 1, SO.SO_REUSEADDR, 1);
    expect(bind(h, pid, a, { family: 2, port: 5353, addr: 0 })).toBe(0);
    expect(bind(h, pid, b, { family: 2, port: 5353, addr: 0 })).toBe(0);
    expect(bind(h, pid, c, { family: 2, port: 5353, addr: 0 })).toBe(-98);
  });
});
