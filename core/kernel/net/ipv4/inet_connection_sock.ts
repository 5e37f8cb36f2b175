// net/ipv4/inet_connection_sock.c: inet_csk_get_port (TCP's get_port, with the bind
// conflict rule of inet_csk_bind_conflict) and inet_csk_listen_start. get_port returns 0 on
// success and 1 on conflict, as in Linux; the caller turns 1 into -EADDRINUSE.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { htons } from './af_inet';
import { addrsOverlap, bindTable, pickEphemeral } from './inet_hashtables';
import { inet_sk_set_state } from './inet_sk_set_state';

/** inet_csk_bind_conflict finds a sock already bound to port that sk may not share it with, or null. */
export function inet_csk_bind_conflict(h: Host, sk: Sock, port: number): Sock | null {
  for (const sk2 of bindTable(h, 6).get(port) ?? []) {
    if (sk2 === sk) continue;
    const devOk =
      !sk.f.sk_bound_dev_if || !sk2.f.sk_bound_dev_if || sk.f.sk_bound_dev_if === sk2.f.sk_bound_dev_if;
    if (!devOk) continue;
    const reuse = sk.f.sk_reuse !== 0 && sk2.f.sk_reuse !== 0 && sk2.f.sk_state !== TCP_STATE.TCP_LISTEN;
    if (!reuse && addrsOverlap(sk.f.inet_rcv_saddr, sk2.f.inet_rcv_saddr)) return sk2;
  }
  return null;
}

/** inet_csk_get_port binds sk to snum (or an ephemeral port when 0); 0 on success, 1 on conflict. */
export function inet_csk_get_port(h: Host, sk: Sock, snum: number): number {
  return h.kcall('inet_csk_get_port', `sk=${sk.addr}, snum=${snum} via ${sk.protoName}.get_port`, () => {
    let port = snum;
    if (port === 0) {
      port = pickEphemeral(h, (p) => inet_csk_bind_conflict(h, sk, p) === null && !bindTable(h, 6).has(p));
      if (port === 0) {
        h.kerr('EADDRINUSE', 'no free port in net.ipv4.ip_local_port_range');
        return 1;
      }
    } else {
      const owned = (bindTable(h, 6).get(port) ?? []).some((o) => o !== sk);
      // With owners in the bucket Linux asks bind_conflict (icsk_af_ops->bind_conflict before 6.x).
      const via = h.profile.ipv4_specific['bind_conflict'] ? ' via icsk->icsk_af_ops->bind_conflict' : '';
      const other = owned
        ? h.kcall(
            'inet_csk_bind_conflict',
            `sk=${sk.addr}, port=${port}${via}`,
            () => inet_csk_bind_conflict(h, sk, port),
            'net/ipv4/inet_connection_sock.c',
          )
        : null;
      if (other !== null) {
        const why =
          other.f.sk_state === TCP_STATE.TCP_LISTEN
            ? `port ${port} is held by listening sock ${other.addr}`
            : other.f.sk_state === TCP_STATE.TCP_TIME_WAIT
              ? `port ${port} is held by sock ${other.addr} in TCP_TIME_WAIT and SO_REUSEADDR is not set on both`
              : `port ${port} is bound by sock ${other.addr} and SO_REUSEADDR is not set on both`;
        h.kerr('EADDRINUSE', why);
        return 1;
      }
    }
    const owners = bindTable(h, 6).get(port) ?? [];
    if (!owners.includes(sk)) owners.push(sk);
    bindTable(h, 6).set(port, owners);
    kset(h, sk, 'inet_num', port);
    return 0;
  });
}

/** inet_put_port releases sk's port in the bind table. */
export function inet_put_port(h: Host, sk: Sock): void {
  const owners = bindTable(h, 6).get(sk.f.inet_num);
  if (owners === undefined) return;
  const i = owners.indexOf(sk);
  if (i >= 0) owners.splice(i, 1);
  if (owners.length === 0) bindTable(h, 6).delete(sk.f.inet_num);
}

/** inet_csk_listen_start moves sk to TCP_LISTEN and (re)validates its port; 0 or -EADDRINUSE. */
export function inet_csk_listen_start(h: Host, sk: Sock): number {
  return h.kcall('inet_csk_listen_start', `sk=${sk.addr}`, () => {
    kset(h, sk, 'sk_max_ack_backlog', 0);
    kset(h, sk, 'sk_ack_backlog', 0);
    inet_sk_set_state(h, sk, TCP_STATE.TCP_LISTEN);
    if (inet_csk_get_port(h, sk, sk.f.inet_num) === 0) {
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      kset(h, sk, 'sk_dst_cache', null);
      h.kcall('inet_hash', `sk=${sk.addr} via ${sk.protoName}.hash`, () => h.listeners.push(sk));
      return 0;
    }
    inet_sk_set_state(h, sk, TCP_STATE.TCP_CLOSE);
    return h.kerr('EADDRINUSE', h.lastErr?.why ?? `port ${sk.f.inet_num} is in use`);
  });
}
