import { describe, expect, it } from 'vitest';
import { harness } from '../../testing/harness';
import { ip_route_output } from './route';
import { ipFromString } from '../../include/uapi/in';
import type { KernelVersion } from '../../profiles';
import type { Rtable } from '../../include/net/route';

/** lookup runs one output route lookup and returns the route and the traced call names. */
function lookup(kernel: KernelVersion, dst: string, times = 1): { rt: Rtable | number; calls: string[] } {
  const { w, h } = harness(kernel);
  let rt: Rtable | number = 0;
  const from = w.trace.length;
  for (let i = 0; i < times; i++) rt = ip_route_output(h, ipFromString(dst)!);
  const calls = w.trace
    .events(from)
    .filter((e) => e.kind === 'call')
    .map((e) => (e.kind === 'call' ? `${'  '.repeat(e.depth)}${e.fn}` : ''));
  return { rt, calls };
}

describe('ip_route_output (reference §2.6)', () => {
  it('walks 3.10 ip_route_output_flow → __ip_route_output_key → fib_lookup, __mkroute_output when routing to the peer', () => {
    const { rt, calls } = lookup('3.10', '10.0.0.2');
    expect(calls).toEqual([
      'ip_route_output_flow',
      '  __ip_route_output_key',
      '    fib_lookup',
      '    __mkroute_output',
      '      rt_dst_alloc',
      '      rt_set_nexthop',
      '      rt_cache_route',
      '  xfrm_lookup',
    ]);
    const f = (rt as Rtable).f;
    expect([f['dst.dev'], f['dst.output'], f.rt_type, f.rt_gateway]).toEqual([
      'eth0',
      'ip_output',
      1,
      '0.0.0.0',
    ]);
  });

  it('walks the 2.6.32 slow path with rt_intern_hash and arp_bind_neighbour, then hits the cache', () => {
    const first = lookup('2.6.32', '10.0.0.2');
    expect(first.calls).toEqual([
      'ip_route_output_flow',
      '  __ip_route_output_key',
      '    ip_route_output_slow',
      '      fib_lookup',
      '      ip_mkroute_output',
      '        __mkroute_output',
      '          rt_set_nexthop',
      '        rt_intern_hash',
      '          arp_bind_neighbour',
      '  __xfrm_lookup',
    ]);
    const f = (first.rt as Rtable).f;
    expect([f['dst.neighbour'], f.rt_gateway, f.rt_src]).toEqual(['10.0.0.2', '10.0.0.2', '10.0.0.1']);
    const twice = lookup('2.6.32', '10.0.0.2', 2);
    expect(twice.calls.slice(10)).toEqual([
      'ip_route_output_flow',
      '  __ip_route_output_key',
      '    dst_use',
      '  __xfrm_lookup',
    ]);
  });

  it('walks the 6.x chain through ip_route_output_key_hash_rcu when routing to the peer', () => {
    expect(lookup('6.x', '10.0.0.2').calls).toEqual([
      'ip_route_output_flow',
      '  __ip_route_output_key',
      '    ip_route_output_key_hash',
      '      ip_route_output_key_hash_rcu',
      '        fib_lookup',
      '        __mkroute_output',
      '          rt_dst_alloc',
      '  xfrm_lookup_route',
    ]);
  });

  it('routes a local address through lo with input ip_local_deliver', () => {
    for (const dst of ['127.0.0.1', '10.0.0.1']) {
      const f = (lookup('3.10', dst).rt as Rtable).f;
      expect([f['dst.dev'], f['dst.input'], f.rt_type], dst).toEqual(['lo', 'ip_local_deliver', 2]);
    }
  });

  it('returns ENETUNREACH from fib_lookup when no table covers the destination', () => {
    const { w, h } = harness('3.10');
    expect(ip_route_output(h, ipFromString('192.168.1.1')!)).toBe(-101);
    expect(h.lastErr?.fn).toBe('fib_lookup');
    expect(w.trace.ofKind('fib_table_lookup').at(-1)?.err).toBe(-101);
  });
});
