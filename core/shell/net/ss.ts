// ss: socket statistics of the command's host in iproute2's format (`ss -tanp`, `ss -tlnp`,
// `ss -uan`, `-m` skmem, `-i` TCP info), from the simulated kernel's socks. -e is refused: the
// simulated sockets have no inode, uid or cgroup to show.
import { TCP_STATE } from '../../kernel/index';
import type { Sock } from '../../kernel/include/net/sock';
import type { ShellCommand } from '../command';
import { skmemText, tcpInfoText } from './ssInfo';
import { renderSs, type SsRow } from './ssTable';
import { SERVICES, hostSockets, ntohs, sockUsers, type SockUser } from './sockets';

/** SS_STATE is ss's name for each TCP state number. */
const SS_STATE: Record<number, string> = {
  [TCP_STATE.TCP_ESTABLISHED]: 'ESTAB',
  [TCP_STATE.TCP_SYN_SENT]: 'SYN-SENT',
  [TCP_STATE.TCP_SYN_RECV]: 'SYN-RECV',
  [TCP_STATE.TCP_FIN_WAIT1]: 'FIN-WAIT-1',
  [TCP_STATE.TCP_FIN_WAIT2]: 'FIN-WAIT-2',
  [TCP_STATE.TCP_TIME_WAIT]: 'TIME-WAIT',
  [TCP_STATE.TCP_CLOSE]: 'UNCONN',
  [TCP_STATE.TCP_CLOSE_WAIT]: 'CLOSE-WAIT',
  [TCP_STATE.TCP_LAST_ACK]: 'LAST-ACK',
  [TCP_STATE.TCP_LISTEN]: 'LISTEN',
  [TCP_STATE.TCP_CLOSING]: 'CLOSING',
};

const OPTIONS = 'tulanpmih';
const LONG: Record<string, string> = {
  '--tcp': 't',
  '--udp': 'u',
  '--listening': 'l',
  '--all': 'a',
  '--numeric': 'n',
  '--processes': 'p',
  '--memory': 'm',
  '--info': 'i',
  '--help': 'h',
};

const USAGE = `Usage: ss [ OPTIONS ]
   -h, --help          this message
   -n, --numeric       don't resolve service names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -i, --info          show internal TCP information
   -t, --tcp           display only TCP sockets
   -u, --udp           display only UDP sockets
`;

/** ss lists the sockets of the command's host. */
export const ss: ShellCommand = {
  name: 'ss',
  summary: 'list sockets (ss -tanp, -tlnp, -uan, -m, -i)',
  usage: 'ss [-t] [-u] [-l] [-a] [-n] [-p] [-m] [-i]',
  example: 'ss -tanp',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) {
      io.err('ss: no simulated world in this shell\n');
      return 1;
    }
    const flags = new Set<string>();
    for (const arg of argv.slice(1)) {
      const long = LONG[arg];
      if (long !== undefined) flags.add(long);
      else if (/^-[a-zA-Z]+$/.test(arg)) {
        for (const ch of arg.slice(1)) {
          if (ch === 'e') {
            io.err('ss: -e (inode, uid and cgroup details) is not modelled in SockLab\n');
            return 255;
          }
          if (!OPTIONS.includes(ch)) {
            io.err(`ss: invalid option -- '${ch}'\n${USAGE}`);
            return 255;
          }
          flags.add(ch);
        }
      } else {
        io.err(
          `ss: ${arg.startsWith('-') ? `unrecognized option '${arg}'` : `filters ("${arg}") are not supported in SockLab`}\n`,
        );
        return 255;
      }
    }
    if (flags.has('h')) {
      io.out(USAGE);
      return 0;
    }
    const h = lab.session.world.hosts.get(lab.host)!;
    const tcp = flags.has('t') || !flags.has('u');
    const udp = flags.has('u') || !flags.has('t');
    const users = sockUsers(h);
    const rows: SsRow[] = [];
    const details: string[] = [];
    for (const sk of hostSockets(h)) {
      const isTcp = sk.protoName === 'tcp_prot' || sk.f.sk_protocol === 6;
      const isUdp = sk.protoName === 'udp_prot' || sk.f.sk_protocol === 17;
      if (!((isTcp && tcp) || (isUdp && udp))) continue;
      const state = stateOf(sk, isTcp);
      if (!wanted(state, flags)) continue;
      rows.push(row(sk, isTcp ? 'tcp' : 'udp', state, users.get(sk) ?? [], flags));
      const more = [
        flags.has('m') ? skmemText(sk) : '',
        flags.has('i') && isTcp && state !== 'LISTEN' && state !== 'TIME-WAIT'
          ? tcpInfoText(sk, h.profile.version)
          : '',
      ].filter((t) => t !== '');
      details.push(more.length === 0 ? '' : `\t ${more.join(' ')}\n`);
    }
    const enabled = [tcp && udp, true, true, true, true, true, true, true, true, false];
    const lines = renderSs(enabled, rows, io.isatty(1) ? io.cols : undefined).split('\n');
    io.out(lines[0] + '\n');
    rows.forEach((_, i) => io.out(lines[i + 1] + '\n' + details[i]));
    return 0;
  },
};

function stateOf(sk: Sock, isTcp: boolean): string {
  const st = sk.f.sk_state;
  if (!isTcp) return st === TCP_STATE.TCP_ESTABLISHED ? 'ESTAB' : 'UNCONN';
  return SS_STATE[st] ?? 'UNKNOWN';
}

/** wanted applies ss's state filter: -l listening only, -a all, else connected (not LISTEN, UNCONN, TIME-WAIT, SYN-RECV). */
function wanted(state: string, flags: ReadonlySet<string>): boolean {
  const listening = state === 'LISTEN' || state === 'UNCONN';
  if (flags.has('a')) return true;
  if (flags.has('l')) return listening;
  return !listening && state !== 'TIME-WAIT' && state !== 'SYN-RECV';
}

function row(sk: Sock, netid: string, state: string, users: SockUser[], flags: ReadonlySet<string>): SsRow {
  const f = sk.f;
  const listen = state === 'LISTEN';
  const num = (name: string) => Number(f[name] ?? 0);
  // A TIME-WAIT entry is an inet_timewait_sock in Linux: it has no queues, so sock_diag reports 0 and 0.
  const queued = (a: string, b: string) => (state === 'TIME-WAIT' ? 0 : Math.max(0, num(a) - num(b)));
  const tcp = netid === 'tcp';
  const recvQ = listen ? num('sk_ack_backlog') : tcp ? queued('rcv_nxt', 'copied_seq') : num('sk_rmem_alloc');
  const sendQ = listen
    ? num('sk_max_ack_backlog')
    : tcp
      ? queued('write_seq', 'snd_una')
      : Math.max(0, num('sk_wmem_alloc') - 1); // sk_wmem_alloc_get: without sk_alloc's bias of 1
  const port = (p: number) =>
    p === 0 ? '*' : !flags.has('n') && SERVICES[p] !== undefined ? SERVICES[p] : String(p);
  const local = String(f.inet_rcv_saddr);
  const peer = String(f.inet_daddr);
  // As in ss, the Process field is empty without -p, and absent when detail lines follow it.
  const proc = flags.has('p')
    ? users.length === 0
      ? ''
      : ` users:(${users.map((u) => `("${u.comm}",pid=${u.pid},fd=${u.fd})`).join(',')})`
    : flags.has('m') || flags.has('i')
      ? undefined
      : '';
  return [
    netid,
    state,
    String(recvQ),
    String(sendQ),
    `${local}:`,
    port(Number(f.inet_num)),
    `${peer}:`,
    port(ntohs(Number(f.inet_dport))),
    proc,
    undefined,
  ];
}
