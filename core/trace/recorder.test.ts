import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './recorder';
import { TRACE_KINDS, type TraceKind } from './schema';

describe('TraceRecorder', () => {
  it('returns an equal copy when an event of each value type is read back', () => {
    const r = new TraceRecorder('full');
    r.record('call', 5, 'client', {
      fn: 'inet_create',
      file: 'net/ipv4/af_inet.c',
      depth: 3,
      args: 'protocol=0',
    });
    r.record('field', 6, 'client', {
      obj: '0xffff888010000000',
      struct: 'tcp_sock',
      field: 'sk_state',
      old: 7,
      new: 2,
      by: 'tcp_set_state',
    });
    r.record('field', 7, 'client', { obj: 'a', struct: 's', field: 'f', old: null, new: 'x', by: 'b' });
    r.record('field', 8, 'client', { obj: 'a', struct: 's', field: 'f', old: true, new: 2.5, by: 'b' });
    r.record('field', 9, 'client', {
      obj: 'a',
      struct: 's',
      field: 'f',
      old: 0x7fffffff + 10,
      new: -1,
      by: 'b',
    });
    const got = r.events().map((e) => {
      const { seq: _s, t: _t, host: _h, ...rest } = e;
      return rest;
    });
    expect(got).toEqual([
      { kind: 'call', fn: 'inet_create', file: 'net/ipv4/af_inet.c', depth: 3, args: 'protocol=0' },
      {
        kind: 'field',
        obj: '0xffff888010000000',
        struct: 'tcp_sock',
        field: 'sk_state',
        old: 7,
        new: 2,
        by: 'tcp_set_state',
      },
      { kind: 'field', obj: 'a', struct: 's', field: 'f', old: null, new: 'x', by: 'b' },
      { kind: 'field', obj: 'a', struct: 's', field: 'f', old: true, new: 2.5, by: 'b' },
      { kind: 'field', obj: 'a', struct: 's', field: 'f', old: 0x7fffffff + 10, new: -1, by: 'b' },
    ]);
    expect(r.get(1).seq).toBe(1);
    expect(r.get(1).t).toBe(6);
  });

  it('records only syscall-level kinds when the level is syscalls', () => {
    const r = new TraceRecorder('syscalls');
    expect(r.record('call', 0, 'h', { fn: 'f', file: 'x', depth: 0, args: '' })).toBe(-1);
    expect(r.record('syscall_enter', 0, 'h', { pid: 1, name: 'socket', args: '2, 1, 0' })).toBe(0);
    expect(r.length).toBe(1);
  });

  it('records nothing when the level is off', () => {
    const r = new TraceRecorder('off');
    for (const k of Object.keys(TRACE_KINDS) as TraceKind[]) expect(r.wants(k), k).toBe(false);
    r.record('syscall_enter', 0, 'h', { pid: 1, name: 'socket', args: '' });
    expect(r.length).toBe(0);
  });

  it('gives each kind a distinct code when the table is read', () => {
    const codes = Object.values(TRACE_KINDS).map((k) => k.code);
    expect(new Set(codes).size, `got ${codes.length - new Set(codes).size} duplicates, want 0`).toBe(
      codes.length,
    );
  });

  it('hands listeners copies that cannot change the store when they are mutated', () => {
    const r = new TraceRecorder('full');
    const seen: unknown[] = [];
    const off = r.subscribe((e) => {
      seen.push(e);
      (e as { fn?: string }).fn = 'mutated';
    });
    r.record('call', 0, 'h', { fn: 'sock_create', file: 'net/socket.c', depth: 1, args: '' });
    off();
    r.record('call', 1, 'h', { fn: 'x', file: 'y', depth: 1, args: '' });
    expect(seen.length).toBe(1);
    expect(r.ofKind('call')[0]!.fn).toBe('sock_create');
  });

  it('stores a typical kernel event mix in at most 64 bytes per event when many are recorded', () => {
    const r = new TraceRecorder('full');
    for (let i = 0; i < 20000; i++) {
      r.record('call', i, 'client', { fn: 'tcp_sendmsg', file: 'net/ipv4/tcp.c', depth: 4, args: 'size=10' });
      r.record('field', i, 'client', {
        obj: '0xffff888010000000',
        struct: 'tcp_sock',
        field: 'write_seq',
        old: i,
        new: i + 10,
        by: 'tcp_sendmsg',
      });
      r.record('ret', i, 'client', { fn: 'tcp_sendmsg', depth: 4, ret: 10 });
    }
    const b = r.bytesPerEvent();
    expect(b <= 64, `got ${b.toFixed(1)} bytes/event, want <= 64`).toBe(true);
  });

  it('keeps a copy of a frame when the caller later changes its buffer', () => {
    const r = new TraceRecorder('full');
    const buf = new Uint8Array([1, 2, 3]);
    const id = r.addFrame(buf);
    buf[0] = 9;
    expect([...r.frame(id)]).toEqual([1, 2, 3]);
  });
});
