// net/core/sock_diag.c: sock_diag_save_cookie, the socket id sock_diag reports to ss (`sk:`).
// Before 4.x the cookie is the sock's address; later kernels give each sock a number from a
// per-boot counter (sock_gen_cookie) the first time anyone asks for it, so ss numbers sockets
// in the order it first lists them. Each simulated host is its own booted kernel.
import type { Host } from '../../host/host';
import type { Sock } from '../../include/net/sock';

/** cookies holds each host's given-out cookies and its counter (the kernel's net_cookie). */
const cookies = new WeakMap<Host, { last: number; of: WeakMap<Sock, number> }>();

/** sock_diag_save_cookie returns sk's idiag_cookie as a number (6.x) or its address (2.6.32, 3.10). */
export function sock_diag_save_cookie(h: Host, sk: Sock): bigint {
  if (h.profile.version !== '6.x') return BigInt(sk.addr);
  const gen = cookies.get(h) ?? { last: 0, of: new WeakMap<Sock, number>() };
  cookies.set(h, gen);
  let cookie = gen.of.get(sk);
  if (cookie === undefined) {
    cookie = ++gen.last;
    gen.of.set(sk, cookie);
  }
  return BigInt(cookie);
}
