// iptables (legacy, as in the 3.10 era) over the command's host's filter table: -A, -I, -D, -F,
// -L [-n] and -S with -p, -s, -d, -i, -o, --sport, --dport, --tcp-flags and -j ACCEPT|DROP|
// REJECT [--reject-with T]|LOG [--log-prefix P], through the simulated kernel's netfilter API.
import type { NfRule } from '../../kernel/index';
import { nfAppend, nfDelete, nfFlush, nfInsert, nfList, NF_CHAINS } from '../../kernel/index';
import type { CommandIo, ShellCommand } from '../command';

const VERSION = 'iptables v1.4.21';
const PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, all: 0 };
const FLAG_BITS: Record<string, number> = {
  FIN: 1,
  SYN: 2,
  RST: 4,
  PSH: 8,
  ACK: 16,
  URG: 32,
  ALL: 63,
  NONE: 0,
};

type Command = { op: 'A' | 'I' | 'D' | 'F' | 'L' | 'S'; chain?: string; pos?: number };

function flags(text: string): number | undefined {
  let bits = 0;
  for (const name of text.split(',')) {
    const b = FLAG_BITS[name.toUpperCase()];
    if (b === undefined) return undefined;
    bits |= b;
  }
  return bits;
}

/** parse reads the command and rule; a string is iptables' error. */
function parse(
  argv: readonly string[],
): { cmd: Command; rule: Partial<Record<keyof NfRule, unknown>>; numeric: boolean } | string {
  let cmd: Command | undefined;
  const rule: Partial<Record<keyof NfRule, unknown>> = {};
  let numeric = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    const set = (op: Command['op']): string | undefined => {
      if (cmd !== undefined) return `${VERSION}: Can't use -${op} with -${cmd.op}`;
      const next = argv[i + 1];
      cmd = { op, ...(next !== undefined && !next.startsWith('-') ? { chain: argv[++i] } : {}) };
      if (op === 'I' || op === 'D') {
        const n = argv[i + 1];
        if (n !== undefined && /^\d+$/.test(n)) cmd.pos = Number(argv[++i]);
      }
      return undefined;
    };
    let error: string | undefined;
    switch (a) {
      case '-A':
      case '--append':
        error = set('A');
        break;
      case '-I':
      case '--insert':
        error = set('I');
        break;
      case '-D':
      case '--delete':
        error = set('D');
        break;
      case '-F':
      case '--flush':
        error = set('F');
        break;
      case '-L':
      case '--list':
        error = set('L');
        break;
      case '-S':
      case '--list-rules':
        error = set('S');
        break;
      case '-n':
      case '--numeric':
        numeric = true;
        break;
      case '-t':
      case '--table': {
        const t = value();
        if (t !== 'filter')
          return `${VERSION}: can't initialize iptables table \`${t ?? ''}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.`;
        break;
      }
      case '-p':
      case '--protocol': {
        const p = value() ?? '';
        if (!Object.hasOwn(PROTOCOLS, p)) return `${VERSION}: unknown protocol \`${p}' specified`;
        if (PROTOCOLS[p]) rule.protocol = PROTOCOLS[p];
        break;
      }
      case '-s':
      case '--source':
        rule.saddr = value();
        break;
      case '-d':
      case '--destination':
        rule.daddr = value();
        break;
      case '-i':
      case '--in-interface':
        rule.inIface = value();
        break;
      case '-o':
      case '--out-interface':
        rule.outIface = value();
        break;
      case '--sport':
      case '--dport': {
        const v = value() ?? '';
        if (!/^\d+$/.test(v) || Number(v) > 65535)
          return `${VERSION}: invalid port/service \`${v}' specified`;
        rule[a === '--sport' ? 'sport' : 'dport'] = Number(v);
        break;
      }
      case '--tcp-flags': {
        const mask = flags(value() ?? '');
        const comp = flags(value() ?? '');
        if (mask === undefined || comp === undefined)
          return `${VERSION}: Unknown TCP flag \`${argv[i - 1] ?? ''}'`;
        rule.tcpFlagsMask = mask;
        rule.tcpFlags = comp;
        break;
      }
      case '-j':
      case '--jump': {
        const t = value() ?? '';
        if (!['ACCEPT', 'DROP', 'REJECT', 'LOG'].includes(t))
          return `${VERSION}: Couldn't load target \`${t}':No such file or directory`;
        rule.target = t;
        break;
      }
      case '--reject-with':
        rule.rejectWith = value();
        break;
      case '--log-prefix':
        rule.logPrefix = value();
        break;
      case '-m':
        value();
        break; // -m tcp / -m udp: the matches load implicitly here
      default:
        return `${VERSION}: unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.`;
    }
    if (error !== undefined) return error;
  }
  if (cmd === undefined)
    return `${VERSION}: no command specified\nTry \`iptables -h' or 'iptables --help' for more information.`;
  return { cmd, rule, numeric };
}

/** listChain prints one chain as `iptables -L [-n]` does. */
function listChain(io: CommandIo, lines: readonly string[], chain: string, numeric: boolean): void {
  io.out(`Chain ${chain} (policy ACCEPT)\ntarget     prot opt source               destination         \n`);
  for (const spec of lines.filter((l) => l.startsWith(`-A ${chain} `))) {
    const get = (flag: string) => new RegExp(` ${flag} (\\S+)`).exec(spec)?.[1];
    const any = numeric ? '0.0.0.0/0' : 'anywhere';
    const addr = (a: string | undefined) => (a === undefined ? any : a.endsWith('/32') ? a.slice(0, -3) : a);
    const prot = get('-p') ?? 'all';
    const extra: string[] = [];
    if (prot === 'tcp' || prot === 'udp') {
      const sp = get('--sport');
      const dp = get('--dport');
      const fl = / --tcp-flags (\S+) (\S+)/.exec(spec);
      const parts = [
        prot,
        ...(sp ? [`spt:${sp}`] : []),
        ...(dp ? [`dpt:${dp}`] : []),
        ...(fl ? [`flags:${fl[1]}/${fl[2]}`] : []),
      ];
      if (parts.length > 1) extra.push(parts.join(' '));
    }
    const target = get('-j') ?? '';
    const rw = get('--reject-with');
    if (target === 'REJECT') extra.push(`reject-with ${rw ?? 'icmp-port-unreachable'}`);
    if (target === 'LOG')
      extra.push(
        `LOG flags 0 level 4${get('--log-prefix') ? ` prefix "${get('--log-prefix')!.replace(/^"|"$/g, '')}"` : ''}`,
      );
    io.out(
      `${target.padEnd(10)} ${prot.padEnd(4)} --  ${addr(get('-s')).padEnd(20)} ${addr(get('-d')).padEnd(20)} ${extra.join(' ')}`.trimEnd() +
        '\n',
    );
  }
}

/** iptables changes and lists the host's filter table. */
export const iptables: ShellCommand = {
  name: 'iptables',
  summary: 'packet filter rules: iptables -A INPUT -p tcp --dport 7007 -j DROP',
  usage:
    'iptables [-t filter] -A|-I|-D|-F|-L|-S [CHAIN] [-p P] [-s A] [-d A] [--sport N] [--dport N] [--tcp-flags M C] -j T',
  example: 'sudo iptables -A INPUT -p tcp --dport 7007 -j REJECT --reject-with tcp-reset',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return (io.err('iptables: no simulated world in this shell\n'), 1);
    const parsed = parse(argv);
    const fail = (text: string, status = 1) => (io.err(text + '\n'), status);
    if (typeof parsed === 'string') return fail(parsed, 2);
    if (!lab.root)
      return fail(
        `${VERSION}: can't initialize iptables table \`filter': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.`,
        3,
      );
    const h = lab.session.world.hosts.get(lab.host)!;
    const { cmd, rule, numeric } = parsed;
    const chain = cmd.chain;
    if (chain !== undefined && !(NF_CHAINS as readonly string[]).includes(chain))
      return fail(`iptables: No chain/target/match by that name.`);
    if (cmd.op === 'L' || cmd.op === 'S') {
      const lines = nfList(h, chain);
      if (typeof lines === 'string') return fail(lines);
      if (cmd.op === 'S') io.out(lines.map((l) => l + '\n').join(''));
      else
        (chain === undefined ? ['INPUT', 'FORWARD', 'OUTPUT'] : [chain]).forEach((c, k) => {
          if (k > 0) io.out('\n');
          listChain(io, lines, c, numeric);
        });
      return 0;
    }
    if (cmd.op === 'F') {
      const e = nfFlush(h, chain);
      return e === null ? 0 : fail(e);
    }
    if (chain === undefined) return fail(`${VERSION}: option "-${cmd.op}" requires an argument`, 2);
    if (cmd.op === 'D' && cmd.pos !== undefined) {
      const e = nfDelete(h, chain, cmd.pos);
      return e === null ? 0 : fail(e);
    }
    if (rule.target === undefined)
      return fail(`${VERSION}: SockLab needs a target: -j ACCEPT|DROP|REJECT|LOG`, 2);
    const r = rule as unknown as NfRule;
    const e =
      cmd.op === 'A'
        ? nfAppend(h, chain, r)
        : cmd.op === 'I'
          ? nfInsert(h, chain, r, cmd.pos ?? 1)
          : nfDelete(h, chain, r);
    return e === null ? 0 : fail(e);
  },
};
