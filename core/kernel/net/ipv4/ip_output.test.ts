import { describe, expect, it } from 'vitest';
import { harness } from '../../testing/harness';
import { ip_local_out } from './ip_output';
import { ip_route_output } from './route';
import { alloc_skb, skb_push, skb_put, skb_reserve } from '../core/skbuff';
import { kset } from '../../host/kstruct';
import { ipFromString } from '../../include/uapi/in';
import { ethernet, ipv4, arp, isWireError } from '../../../wire';
import type { Host } from '../../host/host';
import type { Rtable } from '../../include/net/route';
import type { World } from '../../world/world';
import type { KernelVersion } from '../../profiles';
import type { NfRule } from '../netfilter/core';

/** sendIp builds an IPv4 packet (protocol 253, 8 payload bytes) from h to dst and runs ip_local_out. */
function sendIp(h: Host, dst: string): number {
  const rt = ip_route_output(h, ipFromString(dst)!) as Rtable;
  const skb = alloc_skb(h, 128);
  skb_reserve(h, skb, 64);
  skb.head.set([1, 2, 3, 4, 5, 6, 7, 8], skb_put(h, skb, 8));
  const at = skb_push(h, skb, 20);
  kset(h, skb, 'network_header', at);
  kset(h, skb, 'dst', rt.addr);
  const src = dst.startsWith('127.') ? '127.0.0.1' : '10.0.0.1';
  ipv4.emit(
    {
      src: ipFromString(src)!,
      dst: ipFromString(dst)!,
      protocol: 253,
      ttl: 64,
      tos: 0,
      id: 0,
      reservedFlag: false,
      df: true,
      mf: false,
      fragOffset: 0,
      options: new Uint8Array(0),
      payloadLen: 8,
    },
    skb.head.subarray(at),
  );
  return ip_local_out(h, skb);
}

/** frames decodes every frame_tx as "host: src > dst type detail". */
function frames(w: World): string[] {
  return w.trace.ofKind('frame_tx').map((e) => {
    const b = w.trace.frame(e.frame);
    const eth = ethernet.parse(new ethernet.EthernetFrame(b));
    if (isWireError(eth)) return `${e.host}: bad`;
    if (eth.etherType === 0x0806) {
      const a = arp.parse(new arp.ArpPacket(b.subarray(14)));
      if (isWireError(a)) return `${e.host}: bad arp`;
      return `${e.host}: ${eth.src} > ${eth.dst} arp ${a.operation === 1 ? 'who-has' : 'reply'} ${ipv4.formatIpv4Addr(a.targetIp)} tell ${ipv4.formatIpv4Addr(a.senderIp)}`;
    }
    const ip = ipv4.parse(new ipv4.Ipv4Packet(b.subarray(14)));
    if (isWireError(ip)) return `${e.host}: bad ip ${ip.reason}`;
    return `${e.host}: ${eth.src} > ${eth.dst} ip ${ipv4.formatIpv4Addr(ip.src)} > ${ipv4.formatIpv4Addr(ip.dst)} proto ${ip.protocol} len ${ip.payloadLen}`;
  });
}

/** calls returns the traced call names (indented by depth) from event from on. */
function calls(w: World, from = 0, host = 'client'): string[] {
  return w.trace
    .events(from)
    .filter((e) => e.kind === 'call' && e.host === host)
    .map((e) => (e.kind === 'call' ? `${'  '.repeat(e.depth)}${e.fn}` : ''));
}

describe('ip_local_out to the peer (reference §2.7, §2.8)', () => {
  it('resolves the peer with ARP, then sends the queued packet when the reply arrives', () => {
    const { w, h } = harness('3.10');
    expect(sendIp(h, '10.0.0.2')).toBe(0);
    w.sim.runUntilIdle();
    expect(frames(w)).toEqual([
      'client: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff arp who-has 10.0.0.2 tell 10.0.0.1',
      'server: 02:00:00:00:00:02 > 02:00:00:00:00:01 arp reply 10.0.0.1 tell 10.0.0.2',
      'client: 02:00:00:00:00:01 > 02:00:00:00:00:02 ip 10.0.0.1 > 10.0.0.2 proto 253 len 8',
    ]);
    const states = w.trace
      .ofKind('neigh_update')
      .map((e) => `${e.host} ${e.primary_key4} ${e.nud_state}->${e.new_state}`);
    expect(states).toEqual([
      'client 10.0.0.2 NUD_NONE->NUD_INCOMPLETE',
      'server 10.0.0.1 NUD_NONE->NUD_STALE',
      'client 10.0.0.2 NUD_INCOMPLETE->NUD_REACHABLE',
    ]);
    expect(w.trace.ofKind('kfree_skb').map((e) => `${e.host} ${e.reason}`)).toEqual([
      'server SKB_DROP_REASON_IP_NOPROTO',
    ]);
  });

  it('takes the cached-header path when the neighbour is already reachable', () => {
    const { w, h } = harness('3.10');
    sendIp(h, '10.0.0.2');
    w.sim.runUntilIdle();
    const from = w.trace.length;
    sendIp(h, '10.0.0.2');
    const c = calls(w, from);
    expect(c.slice(c.indexOf('ip_local_out'))).toEqual([
      'ip_local_out',
      '  __ip_local_out',
      '    ip_send_check',
      '    nf_hook_slow',
      '  dst_output',
      '    ip_output',
      '      nf_hook_slow',
      '      ip_finish_output',
      '        ip_finish_output2',
      '          __ipv4_neigh_lookup_noref',
      '          dst_neigh_output',
      '            neigh_hh_output',
      '              dev_hard_header',
      '              dev_queue_xmit',
      '                __dev_xmit_skb',
      '                  sch_direct_xmit',
      '                    dev_hard_start_xmit',
      '                      socklab_eth_xmit',
    ]);
  });

  for (const [kernel, tail] of [
    ['2.6.32', ['neigh_hh_output', 'dev_queue_xmit', 'dev_hard_start_xmit', 'socklab_eth_xmit']],
    [
      '6.x',
      [
        'ip_neigh_for_gw',
        'neigh_output',
        'neigh_hh_output',
        'dev_queue_xmit',
        '__dev_queue_xmit',
        'dev_hard_start_xmit',
        'xmit_one',
        'netdev_start_xmit',
        '__netdev_start_xmit',
        'socklab_eth_xmit',
      ],
    ],
  ] as const) {
    it(`uses the ${kernel} neighbour and device chain when the neighbour is reachable`, () => {
      const { w, h } = harness(kernel as KernelVersion);
      sendIp(h, '10.0.0.2');
      w.sim.runUntilIdle();
      const from = w.trace.length;
      sendIp(h, '10.0.0.2');
      const got = calls(w, from)
        .map((c) => c.trim())
        .filter((c) => (tail as readonly string[]).includes(c));
      expect(got).toEqual(tail);
    });
  }

  it('drops with NF_DROP and returns EPERM when an OUTPUT rule drops the protocol', () => {
    const { w, h } = harness('3.10');
    (h.net.netfilter.get('OUTPUT') as NfRule[]).push({ protocol: 253, target: 'DROP' });
    expect(sendIp(h, '10.0.0.2')).toBe(-1);
    expect(w.trace.ofKind('nf_hook').map((e) => `${e.hook} ${e.verdict} ${e.rule}`)).toEqual([
      'NF_INET_LOCAL_OUT NF_DROP OUTPUT#1 -j DROP',
    ]);
    expect(w.trace.ofKind('kfree_skb').map((e) => e.reason)).toEqual(['SKB_DROP_REASON_NETFILTER_DROP']);
    expect(w.trace.ofKind('frame_tx')).toEqual([]);
  });

  it('loops a packet to 127.0.0.1 through lo and the backlog without touching the wire', () => {
    const { w, h } = harness('3.10');
    expect(sendIp(h, '127.0.0.1')).toBe(0);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('frame_tx')).toEqual([]);
    const c = calls(w).map((x) => x.trim());
    expect(
      c.includes('loopback_xmit') && c.includes('process_backlog') && c.includes('ip_local_deliver_finish'),
    ).toBe(true);
    expect(w.trace.ofKind('kfree_skb').map((e) => e.reason)).toEqual(['SKB_DROP_REASON_IP_NOPROTO']);
  });

  it('gives up with NUD_FAILED and SKB_DROP_REASON_NEIGH_FAILED after 3 probes when nobody answers', () => {
    const { w, h } = harness('3.10');
    w.host('server').net.wire = null;
    h.net.routes.push({
      table: 254,
      dst: '10.0.0.0',
      prefixLen: 24,
      type: 'unicast',
      dev: 'eth0',
      src: '10.0.0.1',
      gw: null,
    });
    const rt = ip_route_output(h, ipFromString('10.0.0.9')!) as Rtable;
    expect(rt.f['dst.dev']).toBe('eth0');
    sendIp(h, '10.0.0.9');
    w.sim.runUntilIdle();
    expect(frames(w).length).toBe(3);
    // (the ICMP host unreachable arp_error_report then sends this host goes out on lo: a NOARP neighbour there)
    expect(
      w.trace
        .ofKind('neigh_update')
        .filter((e) => e.dev === 'eth0')
        .at(-1)?.new_state,
    ).toBe('NUD_FAILED');
    expect(w.trace.ofKind('kfree_skb').map((e) => e.reason)).toEqual(['SKB_DROP_REASON_NEIGH_FAILED']);
    expect(w.sim.now).toBe(3_000_000_000);
  });
});
