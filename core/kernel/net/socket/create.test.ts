import { describe, expect, it } from 'vitest';
import { socket, spawn, close } from '../../syscalls';
import { World } from '../../world/world';
import { ROOT, STUDENT } from '../../sched/task';
import type { KernelVersion } from '../../profiles';
import type { Host } from '../../host/host';
import { sockOf, socketOf } from '../../testing/harness';

type Want = { ok: string } | { err: string; errfn: string };

/** ROWS is the reference's worked-examples table (§1.3): call, 2.6.32 result, 3.10 / 6.x result. */
// prettier-ignore
const ROWS: ReadonlyArray<readonly [string, readonly [number, number, number], 'student' | 'root', Want, Want]> = [
  ['(AF_INET, SOCK_STREAM, 0)', [2, 1, 0], 'student', { ok: 'tcp_sock/6' }, { ok: 'tcp_sock/6' }],
  ['(AF_INET, SOCK_STREAM, IPPROTO_UDP)', [2, 1, 17], 'student', { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }, { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }],
  ['(AF_INET, SOCK_STREAM, 300)', [2, 1, 300], 'student', { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }, { err: 'EINVAL', errfn: 'inet_create' }],
  ['(AF_INET, SOCK_DGRAM, 0)', [2, 2, 0], 'student', { ok: 'udp_sock/17' }, { ok: 'udp_sock/17' }],
  ['(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)', [2, 2, 1], 'student', { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }, { err: 'EACCES', errfn: 'ping_init_sock' }],
  ['(AF_INET, SOCK_RAW, 0)', [2, 3, 0], 'root', { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }, { err: 'EPROTONOSUPPORT', errfn: 'inet_create' }],
  ['(AF_INET, SOCK_RAW, IPPROTO_ICMP) without CAP_NET_RAW', [2, 3, 1], 'student', { err: 'EPERM', errfn: 'inet_create' }, { err: 'EPERM', errfn: 'inet_create' }],
  ['(AF_INET, SOCK_RAW, IPPROTO_RAW) as root', [2, 3, 255], 'root', { ok: 'raw_sock/255' }, { ok: 'raw_sock/255' }],
  ['(AF_INET, SOCK_SEQPACKET, 0)', [2, 5, 0], 'student', { err: 'ESOCKTNOSUPPORT', errfn: 'inet_create' }, { err: 'ESOCKTNOSUPPORT', errfn: 'inet_create' }],
  ['(AF_INET, 12, 0)', [2, 12, 0], 'student', { err: 'EINVAL', errfn: '__sock_create' }, { err: 'EINVAL', errfn: '__sock_create' }],
  ['(99, SOCK_STREAM, 0)', [99, 1, 0], 'student', { err: 'EAFNOSUPPORT', errfn: '__sock_create' }, { err: 'EAFNOSUPPORT', errfn: '__sock_create' }],
];

/** setup returns a fresh client host and a task pid with the given credentials. */
function setup(kernel: KernelVersion, who: 'student' | 'root'): { h: Host; pid: number; w: World } {
  const w = new World({ kernel });
  const h = w.host('client');
  return { h, pid: spawn(h, who === 'root' ? ROOT : STUDENT), w };
}

/** outcome runs one socket() call and describes it like the table does. */
function outcome(
  kernel: KernelVersion,
  args: readonly [number, number, number],
  who: 'student' | 'root',
): Want {
  const { h, pid, w } = setup(kernel, who);
  const fd = socket(h, pid, ...args);
  const exit = w.trace.ofKind('syscall_exit').at(-1)!;
  if (fd < 0) return { err: exit.errno, errfn: exit.errfn };
  const sk = sockOf(h, pid, fd);
  return { ok: `${sk.struct}/${sk.f.sk_protocol}` };
}

describe('sys_socket (reference §1.3 worked examples)', () => {
  for (const kernel of ['2.6.32', '3.10', '6.x'] as const) {
    for (const [call, args, who, a, bc] of ROWS) {
      const want = kernel === '2.6.32' ? a : bc;
      it(`gives ${'ok' in want ? want.ok : want.err} when socket${call} runs on ${kernel}`, () => {
        const got = outcome(kernel, args, who);
        expect(got, `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`).toEqual(want);
      });
    }
  }

  it('creates a ping socket when the gid is inside ping_group_range on 3.10', () => {
    const { h, pid } = setup('3.10', 'student');
    h.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(h, pid, 2, 2, 1);
    const sk = sockOf(h, pid, fd);
    expect(fd, `got ${fd}, want 3`).toBe(3);
    expect(sk?.protoName).toBe('ping_prot');
    expect(socketOf(h, pid, fd).f.ops).toBe('inet_dgram_ops');
  });

  it('puts ping sockets on inet_sockraw_ops when the kernel is 6.x', () => {
    const { h, pid } = setup('6.x', 'student');
    h.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(h, pid, 2, 2, 1);
    expect(socketOf(h, pid, fd).f.ops).toBe('inet_sockraw_ops');
  });

  it('returns EINVAL from sys_socket when the type carries an unknown flag', () => {
    const { h, pid, w } = setup('3.10', 'student');
    expect(socket(h, pid, 2, 1 | 0x100, 0)).toBe(-22);
    expect(w.trace.ofKind('syscall_exit')[0]!.errfn).toBe('sys_socket');
  });

  it('leaves no live socket, sock or file behind when creation fails', () => {
    const { h, pid } = setup('3.10', 'student');
    for (const [, args] of ROWS) socket(h, pid, ...args);
    const left = [...h.live.values()].map((o) => o.struct).filter((s) => s !== 'net_device');
    expect(left.sort(), `got ${left.join(',')}`).toEqual([
      'file',
      'file',
      'socket',
      'socket',
      'tcp_sock',
      'udp_sock',
    ]);
  });

  it('hands out the lowest free fd starting at 3 and reuses a closed one', () => {
    const { h, pid } = setup('3.10', 'student');
    const a = socket(h, pid, 2, 1, 0);
    const b = socket(h, pid, 2, 2, 0);
    expect([a, b]).toEqual([3, 4]);
    expect(close(h, pid, a)).toBe(0);
    expect(socket(h, pid, 2, 1, 0)).toBe(3);
    expect(close(h, pid, 7)).toBe(-9);
  });

  it('returns EMFILE from get_unused_fd_flags when the fd table is full', () => {
    const { h, pid, w } = setup('3.10', 'student');
    const task = h.tasks.get(pid)!;
    let last = 0;
    for (let i = 0; i <= task.nofile && last >= 0; i++) last = socket(h, pid, 2, 2, 0);
    expect(last).toBe(-24);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('get_unused_fd_flags');
    expect([...h.live.values()].filter((o) => o.struct === 'socket').length).toBe(task.nofile - 3);
  });
});
