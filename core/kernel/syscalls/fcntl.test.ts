import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness';
import { O_CLOEXEC, O_NONBLOCK } from '../include/uapi/socket';
import { F, FD_CLOEXEC, accept4, close, fcntl, isBlock, listen, recv, socket } from '.';

describe('fcntl', () => {
  it('reports O_RDWR and then O_RDWR|O_NONBLOCK when F_SETFL sets O_NONBLOCK on a socket', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 2, 0);
    expect(fcntl(h, pid, fd, F.F_GETFL)).toBe(2);
    expect(fcntl(h, pid, fd, F.F_SETFL, O_NONBLOCK | 0x40)).toBe(0);
    expect(fcntl(h, pid, fd, F.F_GETFL)).toBe(2 | O_NONBLOCK);
  });

  it('makes recv return EAGAIN instead of blocking once O_NONBLOCK is set, and block again once cleared', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 2, 0);
    fcntl(h, pid, fd, F.F_SETFL, O_NONBLOCK);
    expect(recv(h, pid, fd, new Uint8Array(4))).toBe(-11);
    fcntl(h, pid, fd, F.F_SETFL, 0);
    expect(isBlock(recv(h, pid, fd, new Uint8Array(4)))).toBe(true);
  });

  it('keeps FD_CLOEXEC per fd: set by SOCK_CLOEXEC, changed by F_SETFD, cleared when the fd is reused', () => {
    const { h, pid } = harness();
    const a = socket(h, pid, 2, 1 | O_CLOEXEC, 0);
    const b = socket(h, pid, 2, 1, 0);
    expect([fcntl(h, pid, a, F.F_GETFD), fcntl(h, pid, b, F.F_GETFD)]).toEqual([FD_CLOEXEC, 0]);
    expect(fcntl(h, pid, b, F.F_SETFD, FD_CLOEXEC)).toBe(0);
    expect(fcntl(h, pid, b, F.F_GETFD)).toBe(FD_CLOEXEC);
    close(h, pid, a);
    expect(fcntl(h, pid, socket(h, pid, 2, 1, 0), F.F_GETFD)).toBe(0);
  });

  it('returns EBADF for a closed fd and EINVAL for an unknown command, each from its function', () => {
    const { w, h, pid } = harness();
    expect(fcntl(h, pid, 42, F.F_GETFL)).toBe(-9);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('sys_fcntl');
    expect(fcntl(h, pid, socket(h, pid, 2, 2, 0), 99)).toBe(-22);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('do_fcntl');
  });

  it('returns EINVAL from accept4 for flags other than SOCK_NONBLOCK|SOCK_CLOEXEC', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    listen(h, pid, fd, 5);
    expect(accept4(h, pid, fd, 0x1)).toBe(-22);
  });
});
