// The proto init functions sk->sk_prot->init runs at socket creation: tcp_v4_init_sock
// (net/ipv4/tcp_ipv4.c) with tcp_init_sock (net/ipv4/tcp.c, 3.10+), udp_init_sock (6.x),
// ping_init_sock (net/ipv4/ping.c) and raw_init / raw_sk_init (net/ipv4/raw.c). Which of
// them run, and nested how, comes from the profile's protoInitChain.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { HZ } from '../../include/net/inet_connection_sock';
import { TCP_INFINITE_SSTHRESH, TCP_MSS_DEFAULT } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import type { Task } from '../../sched/task';
import { IPPROTO } from '../../include/uapi/in';
import { defaultCongestion } from './tcp_cong';

/** tcpDefaults sets what tcp_init_sock (or 2.6.32's tcp_v4_init_sock) sets (reference §4.11). */
function tcpDefaults(h: Host, sk: Sock): void {
  const p = h.profile;
  const rtoInit = (p.tcp.timeoutInitMs * HZ) / 1000;
  kset(h, sk, 'icsk_rto', rtoInit);
  if (p.version === '6.x') kset(h, sk, 'mdev', 1_000_000);
  else kset(h, sk, 'mdev', rtoInit);
  kset(h, sk, 'snd_cwnd', p.tcp.initCwnd);
  kset(h, sk, 'snd_ssthresh', TCP_INFINITE_SSTHRESH);
  kset(h, sk, 'snd_cwnd_clamp', 0xffffffff);
  kset(h, sk, 'mss_cache', TCP_MSS_DEFAULT);
  kset(h, sk, 'reordering', 3);
  // 6.x assigns the default module at socket creation (tcp_assign_congestion_control); 2.6.32 and 3.10 a placeholder.
  kset(h, sk, 'icsk_ca_ops', p.tcp.initialCaOps === 'cubic' ? defaultCongestion(h) : p.tcp.initialCaOps);
  kset(h, sk, 'sk_state', TCP_STATE.TCP_CLOSE);
  kset(h, sk, 'sk_write_space', 'sk_stream_write_space');
  kset(h, sk, 'sk_sndbuf', h.sysctl['net.ipv4.tcp_wmem'][1]);
  kset(h, sk, 'sk_rcvbuf', h.sysctl['net.ipv4.tcp_rmem'][1]);
}

/** PROTO_INIT implements each init function named in a profile's protoInitChain, one row per function. */
// prettier-ignore
export const PROTO_INIT: Readonly<Record<string, (h: Host, task: Task, sk: Sock) => number>> = {
  tcp_v4_init_sock: (h, _t, sk) => { if (h.profile.version === '2.6.32') tcpDefaults(h, sk); kset(h, sk, 'icsk_af_ops', 'ipv4_specific'); return 0; }, // tcp_ipv4.c
  tcp_init_sock: (h, _t, sk) => { tcpDefaults(h, sk); return 0; }, // tcp.c, 3.10+
  udp_init_sock: (h, _t, sk) => { kset(h, sk, 'sk_destruct', 'udp_destruct_sock'); return 0; }, // udp.c, 6.x
  udp_lib_init_sock: () => 0, // udp.c, 6.x: lock and queue setup only
  ping_init_sock: (h, t, _sk) => pingInit(h, t), // ping.c, 3.10+
  raw_init: (h, _t, sk) => { if (sk.f.inet_num === IPPROTO.IPPROTO_ICMP) kset(h, sk, 'filter', 0); return 0; }, // raw.c
  raw_sk_init: (h, _t, sk) => { if (sk.f.inet_num === IPPROTO.IPPROTO_ICMP) kset(h, sk, 'filter', 0); return 0; }, // raw.c, 6.x
};

/** pingInit is ping_init_sock's check: the caller's egid or a supplementary gid must lie in ping_group_range. */
function pingInit(h: Host, task: Task): number {
  const range = h.sysctl['net.ipv4.ping_group_range'];
  if (range === null) throw new Error('ping_init_sock: ping sockets do not exist in this profile');
  const [low, high] = range;
  for (const g of [task.gid, ...task.groups]) if (low <= g && g <= high) return 0;
  return h.kerr('EACCES', `gid ${task.gid} is outside net.ipv4.ping_group_range "${low} ${high}"`);
}

/** proto_init runs sk->sk_prot->init as the profile chains it; the first function is the table entry. */
export function proto_init(h: Host, task: Task, sk: Sock): number {
  const chain = h.profile.protoInitChain[sk.protoName] ?? [];
  const run = (i: number): number => {
    const fn = chain[i];
    if (fn === undefined) return 0;
    const via = i === 0 ? ` via ${sk.protoName}.init` : '';
    return h.kcall(fn, `sk=${sk.addr}${via}`, () => {
      const inner = run(i + 1);
      if (inner < 0) return inner;
      return PROTO_INIT[fn]!(h, task, sk);
    });
  };
  return run(0);
}
