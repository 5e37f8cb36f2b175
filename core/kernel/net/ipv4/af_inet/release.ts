// net/ipv4/af_inet.c, release: inet_release (sock->ops->release), which detaches the sock
// and calls sk->sk_prot->close; each proto's close ends in freeing the sock.

import type { Host } from '../../../host/host';
import type { Socket } from '../../../include/linux/net';
import { sk_common_release, sk_free } from '../../core/sock';
import { inet_put_port } from '../inet_connection_sock';
import { udp_put_port } from '../udp';
import { ping_unhash } from '../ping';
import { inet_csk_destroy_sock, tcp_close } from '../tcp_close';
import { kset } from '../../../host/kstruct';
import { inet_sk_set_state } from '../inet_sk_set_state';
import { TCP_STATE } from '../../../include/net/tcp_states';

/** CLOSE_FREE says what each proto's close handler does before the sock is freed, one row per handler. */
// prettier-ignore
const CLOSE_FREE: Readonly<Record<string, string>> = {
  tcp_close: 'inet_csk_destroy_sock', // tcp.c: a CLOSE-state socket is destroyed at once
  udp_lib_close: 'sk_common_release', // udp.c
  raw_close: 'sk_common_release', // raw.c
  ping_close: 'sk_common_release', // ping.c
};

/** inet_release detaches the sock from the socket and calls sk->sk_prot->close (sock->ops->release). */
export function inet_release(h: Host, sock: Socket): number {
  const via = `${sock.f.ops ?? ''}.release`;
  return h.kcall('inet_release', `sock=${sock.addr} via ${via}`, () => {
    const sk = sock.sk;
    if (sk === null) return 0;
    const close = h.profile.protos[sk.protoName]?.['close'] ?? 'sk_common_release';
    h.kcall(close, `sk=${sk.addr}, timeout=0 via ${sk.protoName}.close`, () => {
      if (sk.protoName === 'tcp_prot' && tcp_close(h, sk) === 'orphan') {
        h.kcall(
          'sock_orphan',
          `sk=${sk.addr}`,
          () => {
            kset(h, sk, 'sk_socket', null);
            kset(h, sock, 'sk', null);
            sk.socket = null;
            sock.sk = null;
          },
          'include/net/sock.h',
        );
        return;
      }
      const free = CLOSE_FREE[close] ?? 'sk_common_release';
      if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE) inet_sk_set_state(h, sk, TCP_STATE.TCP_CLOSE);
      for (const list of [h.rawSockets, h.listeners]) {
        const i = list.indexOf(sk);
        if (i >= 0) list.splice(i, 1);
      }
      if (sk.protoName === 'tcp_prot') inet_put_port(h, sk);
      else if (sk.protoName === 'udp_prot') udp_put_port(h, sk);
      else if (sk.protoName === 'ping_prot') ping_unhash(h, sk);
      if (free === 'sk_common_release') sk_common_release(h, sk);
      else if (sk.protoName === 'tcp_prot') inet_csk_destroy_sock(h, sk);
      else sk_free(h, sk);
    });
    return 0;
  });
}
