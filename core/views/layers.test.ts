import { describe, expect, it } from 'vitest';
import { dispatchHop, layerOf, splitVia } from './layers';

describe('layerOf', () => {
  it.each([
    ['net/socket.c', 'socket'],
    ['net/ipv4/af_inet.c', 'inet'],
    ['net/ipv4/tcp_output.c', 'tcp'],
    ['net/ipv4/udp.c', 'udp'],
    ['net/ipv4/route.c', 'route'],
    ['net/ipv4/ip_output.c', 'ip'],
    ['net/netfilter/core.c', 'netfilter'],
    ['net/core/neighbour.c', 'neigh'],
    ['net/core/dev.c', 'dev'],
    ['(SockLab NIC driver)', 'dev'],
  ])('puts %s in the %s layer', (file, layer) => {
    expect(layerOf(file)).toBe(layer);
  });

  it('leaves helpers to their caller when the file is shared (net/core/sock.c)', () => {
    expect(layerOf('net/core/sock.c')).toBeNull();
  });
});

describe('splitVia', () => {
  it('separates the dispatch from the arguments', () => {
    expect(splitVia('sock=0xffff888010001000, size=5 via inet_stream_ops.sendmsg')).toEqual({
      args: 'sock=0xffff888010001000, size=5',
      via: 'inet_stream_ops.sendmsg',
    });
  });

  it('reads a dispatch that is the only argument', () => {
    expect(splitVia('via dst->output')).toEqual({ args: '', via: 'dst->output' });
  });

  it('returns the arguments untouched when there is no dispatch', () => {
    expect(splitVia('fd=3')).toEqual({ args: 'fd=3', via: null });
  });
});

describe('dispatchHop', () => {
  it('names the pointer an ops table is reached through', () => {
    expect(dispatchHop('inet_stream_ops.sendmsg', 'inet_sendmsg')).toBe(
      'sock->ops->sendmsg (inet_stream_ops) → inet_sendmsg',
    );
    expect(dispatchHop('tcp_prot.sendmsg', 'tcp_sendmsg')).toBe(
      'sk->sk_prot->sendmsg (tcp_prot) → tcp_sendmsg',
    );
  });

  it('keeps a pointer chain the trace already spells out', () => {
    expect(dispatchHop('icsk->icsk_af_ops->queue_xmit', 'ip_queue_xmit')).toBe(
      'icsk->icsk_af_ops->queue_xmit → ip_queue_xmit',
    );
  });
});
