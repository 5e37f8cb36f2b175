import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../trace/index';
import { sentHello } from './fixture';
import { TraceIndex, upperBound } from './traceIndex';

describe('TraceIndex', () => {
  it('lists every system call with its result when a connect blocked and restarted', () => {
    const { index } = sentHello();
    expect(index.syscalls.map((s) => `${s.host} ${s.name} = ${s.ret}`)).toEqual([
      'server socket = 3',
      'server bind = 0',
      'server listen = 0',
      'client socket = 3',
      'client connect = null',
      'client connect = 0',
      'server accept4 = 4',
      'client send = 5',
    ]);
    const [blocked, restarted] = index.syscalls.filter((s) => s.name === 'connect');
    expect(blocked!.endSeq).toBe(restarted!.seq - 1);
  });

  it('remembers which fd each struct socket was installed as', () => {
    const { index } = sentHello();
    expect([...index.sockets.values()]).toEqual([
      { pid: 100, fd: 3, syscall: 'socket' },
      { pid: 100, fd: 3, syscall: 'socket' },
      { pid: 100, fd: 4, syscall: 'accept4' },
    ]);
  });

  it('lists the frames put on a wire with their sender, as the frame_tx events say', () => {
    const { index } = sentHello();
    expect(index.frames).toEqual(
      index.trace
        .ofKind('frame_tx')
        .map((e) => ({ seq: e.seq, t: e.t, host: e.host, dev: e.dev, len: e.len, frame: e.frame, by: e.by })),
    );
    expect(index.frames.filter((f) => f.host === 'client' && f.len === 71)).toHaveLength(1);
    expect(index.frameSeqs).toEqual(index.frames.map((f) => f.seq));
  });

  it('finds the last change of a field at or before an event', () => {
    const { index, socket, send } = sentHello();
    const sk = index.trace.get(index.fieldChanges('client', '0xffff888010001280', 'sk_state')[0]!);
    expect(sk.kind).toBe('field');
    const changes = index.fieldChanges('client', '0xffff888010001280', 'sk_state');
    expect(changes.length).toBe(3);
    expect(index.lastChange('client', '0xffff888010001280', 'sk_state', socket.endSeq)).toBe(changes[0]);
    expect(index.lastChange('client', '0xffff888010001280', 'sk_state', send.endSeq)).toBe(changes[2]);
    expect(index.lastChange('client', '0xffff888010001280', 'sk_state', -1)).toBe(-1);
  });

  it('finds the system call holding an event, or the last one before it', () => {
    const { index, send } = sentHello();
    expect(index.syscallAt(send.seq + 3)).toBe(send);
    expect(index.syscallAt(index.length - 1)).toBe(send);
    expect(index.syscallAt(-1)).toBeUndefined();
  });

  it('picks the struct whose field changed most often', () => {
    const { index } = sentHello();
    expect(index.busiest('snd_nxt')).toEqual({ host: 'client', obj: '0xffff888010001280' });
  });

  it('reads only the events recorded since the last update', () => {
    const rec = new TraceRecorder('full');
    const index = new TraceIndex(rec);
    rec.record('syscall_enter', 0, 'client', { pid: 7, name: 'close', args: '3' });
    index.update();
    expect(index.syscalls.map((s) => [s.name, s.ret, s.endSeq])).toEqual([['close', null, 0]]);
    rec.record('syscall_exit', 5, 'client', {
      pid: 7,
      name: 'close',
      ret: 0,
      errno: '',
      errfn: '',
      errwhy: '',
    });
    index.update();
    expect(index.syscalls.map((s) => [s.name, s.ret, s.endSeq])).toEqual([['close', 0, 1]]);
    expect(index.length).toBe(2);
  });
});

describe('TraceIndex.drops', () => {
  it('lists each kfree_skb with its reason and location', () => {
    const rec = new TraceRecorder('full');
    rec.record('kfree_skb', 9, 'server', { skbaddr: '0x1', location: 'tcp_v4_rcv', protocol: 2048, reason: 'SKB_DROP_REASON_NO_SOCKET' }); // prettier-ignore
    const index = new TraceIndex(rec);
    index.update();
    expect(index.drops).toEqual([
      { seq: 0, t: 9, host: 'server', reason: 'SKB_DROP_REASON_NO_SOCKET', location: 'tcp_v4_rcv' },
    ]);
  });
});

describe('TraceIndex.queuesAt', () => {
  it('tells which skbs sit on which queue after an event, across membership checkpoints', () => {
    const rec = new TraceRecorder('full');
    const skb = (op: string, n: number, queue: string) =>
      rec.record('skb', 0, 'client', {
        op,
        skbaddr: `0x${n.toString(16)}`,
        len: 0,
        data: 0,
        tail: 0,
        end: 0,
        queue,
        by: 't',
      });
    for (let n = 0; n < 1500; n++) skb('queue', n, 'sk_write_queue');
    for (let n = 0; n < 1499; n++) skb('free', n, '');
    skb('queue', 5000, 'sk_receive_queue');
    const index = new TraceIndex(rec);
    index.update();
    expect(index.queuesAt('client', 2)).toEqual(new Map([['sk_write_queue', ['0x0', '0x1', '0x2']]]));
    expect(index.queuesAt('client', 1499)?.get('sk_write_queue')).toHaveLength(1500);
    expect(index.queuesAt('client', rec.length - 1)).toEqual(
      new Map([
        ['sk_write_queue', ['0x5db']],
        ['sk_receive_queue', ['0x1388']],
      ]),
    );
    expect(index.queuesAt('server', rec.length - 1)).toEqual(new Map());
  });
});

describe('upperBound', () => {
  it('returns the index of the first element greater than x', () => {
    expect(upperBound([1, 3, 3, 7], 3)).toBe(3);
    expect(upperBound([1, 3, 3, 7], 0)).toBe(0);
    expect(upperBound([1, 3, 3, 7], 9)).toBe(4);
    expect(upperBound([], 1)).toBe(0);
  });
});
