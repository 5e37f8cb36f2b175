// The detail lines ss prints under a socket: `-m` (skmem, sock_diag's SK_MEMINFO) and `-i`
// (struct tcp_info as the kernel's tcp_get_info fills it — the same as getsockopt(TCP_INFO) —
// in tcp_show_info's order, times in milliseconds as iproute2 prints them).
import type { Host } from '../../kernel/index';
import { tcpx } from '../../kernel/include/linux/tcp';
import type { Sock } from '../../kernel/include/net/sock';
import { TCPI_OPT, tcp_get_info } from '../../kernel/net/ipv4/tcp_info';

/** TCP_INFINITE_SSTHRESH is the "no threshold yet" value ss leaves out. */
const TCP_INFINITE_SSTHRESH = 0x7fffffff;

/** g prints a number as C's %g does for the values ss shows. */
function g(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** skmemText is ss -m's `skmem:(r…,rb…,t…,tb…,f…,w…,o…,bl…,d…)` (sk_get_meminfo; t is sk_wmem_alloc_get, without sk_alloc's bias of 1). */
export function skmemText(sk: Sock): string {
  const f = sk.f;
  const n = (k: string) => Number(f[k] ?? 0);
  const t = Math.max(0, n('sk_wmem_alloc') - 1);
  return `skmem:(r${n('sk_rmem_alloc')},rb${n('sk_rcvbuf')},t${t},tb${n('sk_sndbuf')},f${n('sk_forward_alloc')},w${n('sk_wmem_queued')},o${n('sk_omem_alloc')},bl0,d${n('sk_drops')})`;
}

/** tcpInfoText is ss -i's TCP information for a TCP sock, from struct tcp_info as iproute2 reads it (times in ms). */
export function tcpInfoText(h: Host, sk: Sock): string {
  const f = sk.f;
  const n = (k: string) => Number(f[k] ?? 0);
  const info = tcp_get_info(h, sk);
  const parts: string[] = [];
  const ca = String(f['icsk_ca_ops'] ?? '');
  if (ca !== '' && ca !== 'null') parts.push(ca.replace(/^tcp_/, ''));
  if ((info.options & TCPI_OPT.WSCALE) !== 0) parts.push(`wscale:${info.snd_wscale},${info.rcv_wscale}`);
  parts.push(`rto:${g(info.rto / 1000)}`);
  if (info.rtt > 0) parts.push(`rtt:${g(info.rtt / 1000)}/${g(info.rttvar / 1000)}`);
  parts.push(`mss:${n('mss_cache')}`);
  parts.push(`advmss:${n('advmss')}`);
  parts.push(`cwnd:${n('snd_cwnd')}`);
  const ssthresh = n('snd_ssthresh');
  if (ssthresh < TCP_INFINITE_SSTHRESH && ssthresh > 0) parts.push(`ssthresh:${ssthresh}`);
  if (n('packets_out') > 0) parts.push(`unacked:${n('packets_out')}`);
  if (n('retrans_out') > 0) parts.push(`retrans:${n('retrans_out')}`);
  parts.push(`rcv_ssthresh:${n('rcv_ssthresh')}`);
  parts.push(`snd_wnd:${n('snd_wnd')}`);
  return parts.join(' ');
}

/** printMsTimer is ss's print_ms_timer (iproute2 6.1): `58sec`, `1.200ms` (sic, for 1.2 s), `200ms`, `1min`. */
export function printMsTimer(timeout: number): string {
  let secs = Math.floor(timeout / 1000);
  const minutes = Math.floor(secs / 60);
  secs %= 60;
  let msecs = timeout % 1000;
  let out = '';
  if (minutes > 0) {
    msecs = 0;
    out = `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs > 0) {
    if (secs > 9) msecs = 0;
    out += `${secs}${msecs > 0 ? '.' : 'sec'}`;
  }
  if (msecs > 0) out += String(msecs).padStart(3, '0') + 'ms';
  return out;
}

/**
 * timerText is ss -o's ` timer:(name,expires,retrans)` from inet_diag's idiag_timer, in
 * inet_sk_diag_fill's order: the TIME_WAIT timer of a TIME-WAIT entry; else the retransmit
 * timer ("on", with icsk_retransmits); else the zero-window probe timer ("persist", with
 * icsk_probes_out); else the keepalive sk_timer ("keepalive", with icsk_probes_out); '' when
 * no timer is pending. now is the host's time (ns).
 */
export function timerText(sk: Sock, now: number, timeWait: boolean): string {
  const x = tcpx(sk);
  const ms = (at: number) => printMsTimer(Math.max(0, Math.floor((at - now) / 1e6)));
  if (timeWait) return x.twExpires === undefined ? '' : ` timer:(timewait,${ms(x.twExpires)},0)`;
  if (x.rtoExpires !== undefined)
    return ` timer:(on,${ms(x.rtoExpires)},${Number(sk.f.icsk_retransmits ?? 0)})`;
  const probes = Number(sk.f.icsk_probes_out ?? 0);
  if (x.probeExpires !== undefined) return ` timer:(persist,${ms(x.probeExpires)},${probes})`;
  if (x.keepaliveExpires !== undefined) return ` timer:(keepalive,${ms(x.keepaliveExpires)},${probes})`;
  return '';
}
