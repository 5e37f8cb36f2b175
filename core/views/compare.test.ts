import { describe, expect, it } from 'vitest';
import { diffPaths, replay, replayPlan, unavailable } from './compare';
import { sentHello } from './fixture';
import type { PathRow } from './transmitPath';

const calls = (rows: readonly PathRow[]) => rows.filter((r) => r.kind === 'call').map((r) => r.fn);

describe('WorldViews.compare', () => {
  it('replays send() on 2.6.32 and names the functions and the ops-table member that differ', () => {
    const { views, send } = sentHello();
    const c = views.compare('2.6.32', send.seq);
    if ('unavailable' in c) throw new Error(`got "${c.unavailable.en}", want a comparison`);
    expect(c.here).toBe('3.10');
    expect(c.there).toBe('2.6.32');
    expect(c.replay).toEqual({
      en: 'send() of 5 bytes, flags 0x0, nonagle 0, on an established client → server:8080 connection',
      zh: '在已建立的 client → server:8080 连接上 send() 5 字节，flags 0x0，nonagle 0',
    });
    expect(c.path.syscall).toMatchObject({ name: 'send', args: '3, 5, 0x0', ret: 5 });
    expect(calls(c.path.rows).slice(0, 5)).toEqual([
      'sys_sendto',
      'sockfd_lookup_light',
      'sock_sendmsg',
      '__sock_sendmsg',
      'tcp_sendmsg',
    ]);
    expect(c.diff.onlyHere).toEqual([
      '__sock_sendmsg_nosec',
      'inet_sendmsg',
      'skb_add_data_nocache',
      '__ipv4_neigh_lookup_noref',
      'dst_neigh_output',
      'tcp_schedule_loss_probe',
    ]);
    expect(c.diff.onlyThere).toEqual(['skb_add_data', 'tcp_cwnd_validate']);
    // 3.10 goes inet_stream_ops.sendmsg → inet_sendmsg → tcp_prot.sendmsg → tcp_sendmsg;
    // 2.6.32's inet_stream_ops.sendmsg is tcp_sendmsg itself, and its tcp_prot has no sendmsg
    expect(c.diff.hops).toEqual([
      { slot: 'sock->ops->sendmsg (inet_stream_ops)', here: 'inet_sendmsg', there: 'tcp_sendmsg' },
      { slot: 'sk->sk_prot->sendmsg (tcp_prot)', here: 'tcp_sendmsg', there: null },
    ]);
    expect(c.diff.tables).toContainEqual({
      table: 'inet_stream_ops',
      member: 'sendmsg',
      here: 'inet_sendmsg',
      there: 'tcp_sendmsg',
    });
    expect(c.diff.tables).toContainEqual({
      table: 'tcp_prot',
      member: 'sendmsg',
      here: 'tcp_sendmsg',
      there: null,
    });
  });

  it('finds tcp_sendmsg_locked and the push path on 6.x', () => {
    const { views, send } = sentHello();
    const c = views.compare('6.x', send.seq);
    if ('unavailable' in c) throw new Error(`got "${c.unavailable.en}", want a comparison`);
    expect(c.path.push?.fn).toBe('tcp_push');
    expect(c.diff.onlyThere.slice(0, 3)).toEqual([
      '__sys_sendto',
      'sock_sendmsg_nosec',
      'tcp_sendmsg_locked',
    ]);
    expect(c.diff.hops).toEqual([]);
  });

  it('compares connect() with the canned connection’s first connect()', () => {
    const { views, connects } = sentHello();
    const c = views.compare('2.6.32', connects[0]!.seq);
    if ('unavailable' in c) throw new Error(`got "${c.unavailable.en}", want a comparison`);
    expect(c.replay.en).toBe('connect() of a client connecting to server:8080');
    expect(c.path.syscall).toMatchObject({ name: 'connect', ret: null });
    expect(calls(c.path.rows)[0]).toBe('sys_connect');
  });

  it('says why when the call cannot be compared', () => {
    const { views, index, send } = sentHello();
    expect(views.compare('3.10', send.seq)).toEqual(
      unavailable(
        'this session already runs 3.10: pick another version',
        '本会话运行的就是 3.10：请选择另一个版本',
      ),
    );
    const listen = index.syscalls.find((s) => s.name === 'listen')!;
    expect(views.compare('6.x', listen.seq)).toEqual({
      unavailable: {
        en: 'listen() cannot be compared: pick socket(), connect() or a send on a TCP socket',
        zh: 'listen() 无法比较：请选择 socket()、connect() 或 TCP 套接字上的发送调用',
      },
    });
    expect(views.compare('6.x', -1)).toEqual(
      unavailable('no system call has run yet', '还没有运行过系统调用'),
    );
  });

  it('returns the same comparison object when asked again', () => {
    const { views, send } = sentHello();
    expect(views.compare('6.x', send.seq)).toBe(views.compare('6.x', send.seq));
  });
});

describe('replayPlan', () => {
  it('reads sendmsg()’s length and flags, and keeps nonagle', () => {
    const { views, send } = sentHello();
    const path = views.path(send.seq);
    const mark = { ...send, name: 'sendmsg', args: '3, {iovlen=2, len=9}, 0x40', ret: null };
    expect(replayPlan(mark, path, 3)).toEqual({
      name: 'sendmsg',
      restart: false,
      len: 9,
      flags: 0x40,
      nonagle: 3,
    });
  });

  it('refuses a send that sent nothing', () => {
    const { views, send } = sentHello();
    const mark = { ...send, args: '3, 0, 0x0', ret: 0 };
    expect(replayPlan(mark, views.path(send.seq), 0)).toEqual(
      unavailable('this send() sent no bytes to compare', '这次 send() 没有发送可比较的字节'),
    );
  });
});

describe('replay', () => {
  it('sets TCP_NODELAY before the send when nonagle says so', () => {
    const { path } = replay('3.10', { name: 'send', restart: false, len: 5, flags: 0, nonagle: 1 });
    expect(path.rows.find((r) => r.fn === 'tcp_push')?.text).toContain('nonagle=');
    expect(path.push?.why.en).toContain('TCP_NODELAY');
  });
});

describe('diffPaths', () => {
  it('is empty for a path against itself', () => {
    const { views, send } = sentHello();
    const rows = views.path(send.seq).rows;
    expect(diffPaths({ kernel: '3.10', rows }, { kernel: '3.10', rows })).toEqual({
      onlyHere: [],
      onlyThere: [],
      hops: [],
      tables: [],
    });
  });
});
