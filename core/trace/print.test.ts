import { describe, expect, it } from 'vitest';
import { formatEvent, formatTime, printTrace, toJsonLines, traceHash } from './print';
import { TraceRecorder } from './recorder';

/** sample records a short, fixed trace. */
function sample(): TraceRecorder {
  const r = new TraceRecorder('full');
  r.record('syscall_enter', 1_000, 'client', { pid: 100, name: 'socket', args: 'AF_INET, SOCK_STREAM, 0' });
  r.record('call', 1_010, 'client', {
    fn: 'inet_create',
    file: 'net/ipv4/af_inet.c',
    depth: 2,
    args: 'protocol=0',
  });
  r.record('inet_sock_set_state', 2_000_000_001, 'client', {
    skaddr: '0xffff888010000000',
    protocol: 'IPPROTO_TCP',
    sport: 0,
    dport: 7,
    saddr: '0.0.0.0',
    daddr: '10.0.0.2',
    oldstate: 'TCP_CLOSE',
    newstate: 'TCP_SYN_SENT',
  });
  r.record('syscall_exit', 3_000_000_000, 'client', {
    pid: 100,
    name: 'bind',
    ret: -98,
    errno: 'EADDRINUSE',
    errfn: 'inet_csk_get_port',
    errwhy: 'port 7 already bound',
  });
  return r;
}

describe('formatEvent', () => {
  it('prints ftrace-style lines with indentation by depth when a trace is printed', () => {
    const want = [
      '  client 0.000001000: syscall_enter: pid 100 socket(AF_INET, SOCK_STREAM, 0)',
      '  client 0.000001010: call:     inet_create(protocol=0) [net/ipv4/af_inet.c]',
      '  client 2.000000001: inet_sock_set_state: skaddr=0xffff888010000000 protocol=IPPROTO_TCP sport=0 dport=7 saddr=0.0.0.0 daddr=10.0.0.2 oldstate=TCP_CLOSE newstate=TCP_SYN_SENT',
      '  client 3.000000000: syscall_exit: pid 100 bind = -98 EADDRINUSE inet_csk_get_port port 7 already bound',
    ].join('\n');
    const got = printTrace(sample());
    expect(got, `got\n${got}\nwant\n${want}`).toBe(want);
  });

  it('prints NULL when a value is null', () => {
    const r = new TraceRecorder('full');
    r.record('field', 0, 'h', {
      obj: 'o',
      struct: 'sock',
      field: 'sk_dst_cache',
      old: null,
      new: 'x',
      by: 'f',
    });
    expect(formatEvent(r.get(0))).toBe('       h 0.000000000: field: sock o sk_dst_cache: NULL -> x by f');
  });
});

describe('formatTime', () => {
  it('pads nanoseconds to nine digits when the time is below a second', () => {
    expect(formatTime(42)).toBe('0.000000042');
  });
});

describe('toJsonLines', () => {
  it('puts seq, t_ns, host, kind first and the call fields fn, file, depth when exporting', () => {
    const lines = toJsonLines(sample()).trimEnd().split('\n');
    expect(lines[1]).toBe(
      '{"seq":1,"t_ns":1010,"host":"client","kind":"call","fn":"inet_create","file":"net/ipv4/af_inet.c","depth":2,"args":"protocol=0"}',
    );
    expect(lines.length).toBe(4);
  });
});

describe('traceHash', () => {
  it('is equal for equal traces and differs when one event differs', () => {
    const a = sample();
    const b = sample();
    expect(traceHash(a)).toBe(traceHash(b));
    b.record('timer_fire', 1, 'client', { timer: 't', obj: 'o' });
    expect(traceHash(a)).not.toBe(traceHash(b));
    expect(traceHash(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
