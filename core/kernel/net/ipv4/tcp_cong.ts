// Pluggable congestion control (net/ipv4/tcp_cong.c): struct tcp_congestion_ops as data, a
// registry of the modules SockLab simulates (Reno here, CUBIC in tcp_cubic.ts), selection by
// the net.ipv4.tcp_congestion_control sysctl at ESTABLISHED (tcp_init_congestion_control) or
// by setsockopt(TCP_CONGESTION) (tcp_set_congestion_control), and the shared helpers
// tcp_slow_start, tcp_cong_avoid_ai and tcp_is_cwnd_limited as 6.x writes them (one
// increment per acked segment; 3.10's per-ACK counting is not simulated). icsk_ca_state
// changes go through tcp_set_ca_state, which calls the module's set_state hook.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { TCP_CA, tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { bictcp } from './tcp_cubic';

/** CaFns names a module's hook functions. */
interface CaFns {
  readonly ssthresh: string;
  readonly cong_avoid: string;
  readonly init?: string;
}

/** caFns returns the hook names the host's era uses for ops. */
function caFns(h: Host, ops: TcpCongestionOps): CaFns {
  return h.profile.version === '6.x' && ops.fns6 !== undefined ? ops.fns6 : ops.fns;
}

/** TcpCongestionOps is struct tcp_congestion_ops: a module's name and its hooks (kernel names). */
export interface TcpCongestionOps {
  /** name is what TCP_CONGESTION and the sysctl use ("reno", "cubic"). */
  readonly name: string;
  /** fns names the kernel function behind each hook, for the trace. */
  readonly fns: CaFns;
  /** fns6 are 6.x's names where they differ (tcp_cubic.c renamed bictcp_* to cubictcp_*). */
  readonly fns6?: CaFns;
  /** init sets up icsk_ca_priv. */
  readonly init?: (h: Host, sk: Sock) => void;
  /** ssthresh returns the slow-start threshold after a loss. */
  readonly ssthresh: (h: Host, sk: Sock) => number;
  /** cong_avoid grows snd_cwnd for acked newly acknowledged segments. */
  readonly cong_avoid: (h: Host, sk: Sock, ack: number, acked: number) => void;
  /** set_state hears every icsk_ca_state change. */
  readonly set_state?: (h: Host, sk: Sock, state: number) => void;
  /** pkts_acked hears each ACK's RTT sample in µs (-1 when there is none). */
  readonly pkts_acked?: (h: Host, sk: Sock, rttUs: number) => void;
}

/** tcp_reno_ssthresh halves cwnd, at least 2 (tcp_cong.c). */
function tcp_reno_ssthresh(_h: Host, sk: Sock): number {
  return Math.max(Number(sk.f['snd_cwnd']) >>> 1, 2);
}

/** tcp_reno_cong_avoid is slow start below ssthresh and one segment per cwnd acked above it (tcp_cong.c). */
function tcp_reno_cong_avoid(h: Host, sk: Sock, _ack: number, acked: number): void {
  if (!tcp_is_cwnd_limited(sk)) return;
  let left = acked;
  if (tcp_in_slow_start(sk)) {
    left = tcp_slow_start(h, sk, acked);
    if (left === 0) return;
  }
  tcp_cong_avoid_ai(h, sk, Number(sk.f['snd_cwnd']), left);
}

/** tcp_reno is the Reno tcp_congestion_ops (tcp_cong.c). */
const tcp_reno: TcpCongestionOps = {
  name: 'reno',
  fns: { ssthresh: 'tcp_reno_ssthresh', cong_avoid: 'tcp_reno_cong_avoid' },
  ssthresh: tcp_reno_ssthresh,
  cong_avoid: tcp_reno_cong_avoid,
};

/** tcpCongList is tcp_cong_list: the registered modules by name (built on first use, since tcp_cubic.ts imports this file). */
export function tcpCongList(): Readonly<Record<string, TcpCongestionOps>> {
  return { reno: tcp_reno, cubic: bictcp };
}

/** caOps returns the sock's icsk_ca_ops module (Reno for 2.6.32/3.10's placeholder before ESTABLISHED). */
export function caOps(sk: Sock): TcpCongestionOps {
  return sk.f.icsk_ca_ops === 'cubic' ? bictcp : tcp_reno;
}

/** tcp_in_slow_start: snd_cwnd below snd_ssthresh (include/net/tcp.h, 6.x). */
export function tcp_in_slow_start(sk: Sock): boolean {
  return Number(sk.f['snd_cwnd']) < Number(sk.f['snd_ssthresh']);
}

/** tcp_is_cwnd_limited: the sender used its window, or in slow start cwnd is below twice the most it had out (6.x). */
export function tcp_is_cwnd_limited(sk: Sock): boolean {
  const x = tcpx(sk);
  if (x.isCwndLimited === true) return true;
  if (tcp_in_slow_start(sk)) return Number(sk.f['snd_cwnd']) < 2 * (x.maxPacketsOut ?? 0);
  return false;
}

/** tcp_slow_start grows cwnd by acked up to ssthresh and returns the acked segments left over (tcp_cong.c). */
export function tcp_slow_start(h: Host, sk: Sock, acked: number): number {
  return h.kcall('tcp_slow_start', `acked=${acked}`, () => {
    const cwnd = Number(sk.f['snd_cwnd']);
    const next = Math.min(cwnd + acked, Number(sk.f['snd_ssthresh']));
    kset(h, sk, 'snd_cwnd', Math.min(next, Number(sk.f['snd_cwnd_clamp'])));
    return acked - (next - cwnd);
  });
}

/** tcp_cong_avoid_ai adds one segment per w acked (additive increase, tcp_cong.c). */
export function tcp_cong_avoid_ai(h: Host, sk: Sock, w: number, acked: number): void {
  let cwnd = Number(sk.f['snd_cwnd']);
  let cnt = Number(sk.f['snd_cwnd_cnt']);
  if (cnt >= w) {
    cnt = 0;
    cwnd++;
  }
  cnt += acked;
  if (cnt >= w) {
    const delta = Math.floor(cnt / w);
    cnt -= delta * w;
    cwnd += delta;
  }
  kset(h, sk, 'snd_cwnd_cnt', cnt);
  kset(h, sk, 'snd_cwnd', Math.min(cwnd, Number(sk.f['snd_cwnd_clamp'])));
}

/** tcp_cong_avoid calls icsk_ca_ops->cong_avoid for an ACK that newly acknowledged acked segments. */
export function tcp_cong_avoid(h: Host, sk: Sock, ack: number, acked: number): void {
  const ops = caOps(sk);
  h.kcall(caFns(h, ops).cong_avoid, `sk=${sk.addr}, acked=${acked} via icsk->icsk_ca_ops->cong_avoid`, () =>
    ops.cong_avoid(h, sk, ack, acked),
  );
}

/** tcp_ca_ssthresh asks icsk_ca_ops->ssthresh for the threshold after a loss. */
export function tcp_ca_ssthresh(h: Host, sk: Sock): number {
  const ops = caOps(sk);
  return h.kcall(caFns(h, ops).ssthresh, `sk=${sk.addr} via icsk->icsk_ca_ops->ssthresh`, () =>
    ops.ssthresh(h, sk),
  );
}

/** tcp_set_ca_state moves icsk_ca_state, telling the module first (include/net/tcp.h). */
export function tcp_set_ca_state(h: Host, sk: Sock, state: number): void {
  if (Number(sk.f.icsk_ca_state) === state) return;
  caOps(sk).set_state?.(h, sk, state);
  kset(h, sk, 'icsk_ca_state', state);
}

/** tcp_init_congestion_control installs the default module (the sysctl) unless one was chosen, and runs its init (tcp_cong.c). */
export function tcp_init_congestion_control(h: Host, sk: Sock): void {
  h.kcall('tcp_init_congestion_control', `sk=${sk.addr}`, () => {
    const cur = sk.f.icsk_ca_ops;
    if (cur === null || cur === '' || tcpx(sk).caPriv === undefined) {
      if (cur === null || cur === '' || tcpCongList()[String(cur)] === undefined)
        kset(h, sk, 'icsk_ca_ops', defaultCongestion(h));
      const ops = caOps(sk);
      tcpx(sk).caPriv = {};
      if (ops.init !== undefined)
        h.kcall(caFns(h, ops).init ?? `${ops.name}_init`, `sk=${sk.addr}`, () => ops.init!(h, sk));
    }
    kset(h, sk, 'icsk_ca_state', TCP_CA.Open);
  });
}

/** defaultCongestion is net.ipv4.tcp_congestion_control when it names a registered module, else cubic. */
export function defaultCongestion(h: Host): string {
  const want = h.sysctl['net.ipv4.tcp_congestion_control'];
  return tcpCongList()[want] !== undefined ? want : 'cubic';
}

/** tcp_set_congestion_control switches the sock to module name (setsockopt TCP_CONGESTION); 0 or -ENOENT. */
export function tcp_set_congestion_control(h: Host, sk: Sock, name: string): number {
  return h.kcall('tcp_set_congestion_control', `sk=${sk.addr}, name="${name}"`, () => {
    const ops = tcpCongList()[name];
    if (ops === undefined) return h.kerr('ENOENT', `no congestion control module named "${name}"`);
    kset(h, sk, 'icsk_ca_ops', ops.name);
    const st = sk.f.sk_state;
    if (st !== 7 && st !== 10 && tcpx(sk).caPriv !== undefined) {
      tcpx(sk).caPriv = {};
      if (ops.init !== undefined)
        h.kcall(caFns(h, ops).init ?? `${ops.name}_init`, `sk=${sk.addr}`, () => ops.init!(h, sk));
    }
    return 0;
  });
}

/** TCP_CA_NAME_MAX is the size of a module name buffer including its NUL, 16. */
export const TCP_CA_NAME_MAX = 16;

/** tcp_setsockopt_congestion is setsockopt(TCP_CONGESTION): optval holds the module name (NUL-terminated or optlen long); 0 or -errno. */
export function tcp_setsockopt_congestion(
  h: Host,
  sk: Sock,
  optval: number | Uint8Array,
  optlen: number,
): number {
  if (typeof optval === 'number' || optlen < 1)
    return h.kerr('EINVAL', 'TCP_CONGESTION takes the module name as a string');
  const bytes = optval.subarray(0, Math.min(optlen, TCP_CA_NAME_MAX - 1, optval.length));
  const nul = bytes.indexOf(0);
  const name = String.fromCharCode(...(nul < 0 ? bytes : bytes.subarray(0, nul)));
  return tcp_set_congestion_control(h, sk, name);
}

/** tcp_getsockopt_congestion is getsockopt(TCP_CONGESTION): the module name, NUL-padded to TCP_CA_NAME_MAX bytes, in out.val; 0. */
export function tcp_getsockopt_congestion(sk: Sock, out?: { val?: Uint8Array }): number {
  const name = caOpsName(sk);
  const buf = new Uint8Array(TCP_CA_NAME_MAX);
  for (let i = 0; i < name.length && i < TCP_CA_NAME_MAX - 1; i++) buf[i] = name.charCodeAt(i);
  if (out !== undefined) out.val = buf;
  return 0;
}

/** caOpsName is icsk_ca_ops->name: "" for 2.6.32/3.10's tcp_init_congestion_ops placeholder before ESTABLISHED. */
function caOpsName(sk: Sock): string {
  return sk.f.icsk_ca_ops === 'tcp_init_congestion_ops' ? '' : caOps(sk).name;
}
