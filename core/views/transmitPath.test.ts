import { describe, expect, it } from 'vitest';
import { established, MSG_DONTWAIT, send } from '../kernel/index';
import { sentHello } from './fixture';
import { WorldViews } from './worldViews';

describe('pathView', () => {
  it('lists send()’s calls from sys_sendto down to the driver in order, by layer', () => {
    const { views, send } = sentHello();
    const path = views.path(send.seq);
    expect(path.syscall?.name).toBe('send');
    const calls = path.rows.filter((r) => r.kind === 'call').map((r) => r.fn);
    const chain = ['sys_sendto', 'sock_sendmsg', 'inet_sendmsg', 'tcp_sendmsg', 'tcp_push', '__tcp_push_pending_frames', 'tcp_write_xmit', 'tcp_transmit_skb', 'ip_queue_xmit', 'ip_local_out', 'ip_output', 'ip_finish_output', 'ip_finish_output2', 'dev_queue_xmit', 'dev_hard_start_xmit', 'socklab_eth_xmit']; // prettier-ignore
    const at = chain.map((fn) => calls.indexOf(fn));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const layerOf = (fn: string) => path.rows.find((r) => r.fn === fn)?.layer;
    expect(chain.map(layerOf)).toEqual(['socket', 'socket', 'inet', 'tcp', 'tcp', 'tcp', 'tcp', 'tcp', 'ip', 'ip', 'ip', 'ip', 'ip', 'dev', 'dev', 'dev']); // prettier-ignore
  });

  it('shows the ops-table hop, arguments, return value and file of a dispatched call', () => {
    const { views, send } = sentHello();
    const row = views.path(send.seq).rows.find((r) => r.fn === 'inet_sendmsg');
    expect(row).toMatchObject({
      kind: 'call',
      file: 'net/ipv4/af_inet.c',
      text: 'sock=0xffff888010001000, size=5',
      hop: 'sock->ops->sendmsg (inet_stream_ops) → inet_sendmsg',
      ret: '5',
    });
  });

  it('says tcp_push ran with Nagle on, and dims the push paths not taken', () => {
    const { views, send } = sentHello();
    const path = views.path(send.seq);
    expect(path.push?.fn).toBe('tcp_push');
    expect(path.push?.why.en).toContain('Nagle on');
    const untaken = path.rows.filter((r) => r.kind === 'untaken').map((r) => r.fn);
    expect(untaken).toEqual([
      'tcp_push_one',
      '__tcp_push_pending_frames',
      'ip_fragment',
      'neigh_resolve_output',
      '__qdisc_run',
    ]);
  });

  it('names the forced push of a write longer than half the peer’s window', () => {
    const e = established('3.10');
    const before = e.w.trace.length;
    expect(send(e.c, e.cp, e.cfd, new Uint8Array(10_000), MSG_DONTWAIT)).toBe(10_000);
    const path = new WorldViews(e.w).path(before);
    const top = path.rows.find((r) => r.fn === 'tcp_sendmsg')!;
    const pushes = path.rows.filter(
      (r) => r.kind === 'call' && r.depth === top.depth + 1 && /push/.test(r.fn),
    );
    // five full skbs go at once as each fills; the sixth ends past pushed_seq + max_window / 2
    // (14600 / 2): PSH and a push of everything pending; the rest waits for tcp_push at the end
    expect(pushes.map((r) => r.fn)).toEqual([
      ...Array<string>(5).fill('tcp_push_one'),
      'tcp_mark_push',
      '__tcp_push_pending_frames',
      'tcp_push',
    ]);
    expect(path.push?.fn).toBe('__tcp_push_pending_frames');
    expect(path.push?.why.en).toContain('forced_push()');
  });

  it('shows the frame and the skb operations inline', () => {
    const { views, index, send } = sentHello();
    const events = views.path(send.seq).rows.filter((r) => r.kind === 'event');
    const no = index.frames.findIndex((f) => f.seq > send.seq && f.seq <= send.endSeq) + 1;
    expect(no).toBeGreaterThan(0);
    expect(events.filter((r) => r.fn === 'frame_tx').map((r) => r.text)).toEqual([
      `frame #${no} on eth0, 71 bytes`,
    ]);
    expect(events.filter((r) => r.text.startsWith('skb_push')).map((r) => r.text)).toEqual([
      'skb_push: len=37 data=128 tail=165 end=1608',
      'skb_push: len=57 data=108 tail=165 end=1608',
      'skb_push: len=71 data=94 tail=165 end=1608',
    ]);
  });

  it('follows the frame to the server’s receive path', () => {
    const { views, send } = sentHello();
    const peer = views.path(send.seq).peer;
    expect(peer?.host).toBe('server');
    const calls = peer!.rows.filter((r) => r.kind === 'call').map((r) => r.fn);
    const chain = ['netif_receive_skb', 'ip_rcv', 'ip_local_deliver', 'tcp_v4_rcv'];
    const at = chain.map((fn) => calls.indexOf(fn));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has no call before the first system call', () => {
    expect(sentHello().views.path(-1)).toEqual({
      syscall: null,
      rows: [],
      truncated: false,
      push: null,
      peer: null,
      skb: null,
    });
  });
});
