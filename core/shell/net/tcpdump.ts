// tcpdump over the simulated world: `-r FILE` prints a capture from the workspace; otherwise it
// captures the frames crossing the command's host's interface (-i eth0 by default, lo, any)
// until Ctrl-C or kill, printing them (-n numeric, -X hex dump) or writing them with -w FILE.
// Frames come from the trace's frame_tx/frame_rx events, so capture needs `trace` at
// syscalls or full.
import { decodePcap, encodePcap, type PcapRecord } from '../../wire/pcap';
import { isWireError } from '../../wire/error';
import type { TraceEvent } from '../../trace/index';
import type { CommandIo, ShellCommand } from '../command';
import type { JobTask } from '../job';
import { fsErrorText, resolvePath } from '../workspace';
import { compileFilter, frameFacts, type FrameFilter } from './frameFilter';
import { TcpdumpPrinter } from './tcpdumpFormat';

const SNAPLEN = 262144;
const USAGE = 'Usage: tcpdump [-nX] [-i interface] [-r file] [-w file] [expression]\n';

interface TcpdumpArgs {
  numeric: boolean;
  hex: boolean;
  iface: string;
  read?: string;
  write?: string;
  filter: string[];
}

function parseArgs(argv: readonly string[]): TcpdumpArgs | string {
  const a: TcpdumpArgs = { numeric: false, hex: false, iface: 'eth0', filter: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      a.filter.push(...argv.slice(i));
      break;
    }
    for (let k = 1; k < arg.length; k++) {
      const ch = arg[k]!;
      if (ch === 'n') a.numeric = true;
      else if (ch === 'X') a.hex = true;
      else if (ch === 'i' || ch === 'r' || ch === 'w') {
        const value = arg.length > k + 1 ? arg.slice(k + 1) : argv[++i];
        if (value === undefined) return `tcpdump: option requires an argument -- '${ch}'\n${USAGE}`;
        if (ch === 'i') a.iface = value;
        else if (ch === 'r') a.read = value;
        else a.write = value;
        break;
      } else return `tcpdump: invalid option -- '${ch}'\n${USAGE}`;
    }
  }
  return a;
}

/** tcpdump prints or records the frames of the command's host, or reads a capture file. */
export const tcpdump: ShellCommand = {
  name: 'tcpdump',
  summary: 'capture or read packets: tcpdump -n [-X] [-i IF] [-w F.pcap | -r F.pcap] [filter]',
  usage: 'tcpdump [-n] [-X] [-i eth0|lo|any] [-w FILE] [-r FILE] [expression]',
  example: 'tcpdump -n -i eth0 tcp port 7007',
  completesFiles: true,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return fail(io, 'tcpdump: no simulated world in this shell\n');
    const a = parseArgs(argv);
    if (typeof a === 'string') return fail(io, a);
    const world = lab.session.world;
    const filter = compileFilter(
      a.filter,
      (name) => world.hostsTable.get(name) ?? (/^\d+\.\d+\.\d+\.\d+$/.test(name) ? name : undefined),
    );
    if (typeof filter === 'string') return fail(io, `tcpdump: ${filter}\n`);
    const names = new Map([...world.hostsTable].map(([n, addr]) => [addr, n]));
    const printer = new TcpdumpPrinter({ numeric: a.numeric, hex: a.hex, names: (addr) => names.get(addr) });
    if (a.read !== undefined) return readFile(io, a.read, filter, printer);
    const host = world.hosts.get(lab.host)!;
    if (a.iface !== 'any' && !host.net.devices.has(a.iface))
      return fail(io, `tcpdump: ${a.iface}: No such device exists\n(No such device exists)\n`);
    if (!lab.root)
      return fail(
        io,
        `tcpdump: ${a.iface}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`,
      );
    if (lab.session.traceLevel === 'off')
      return fail(
        io,
        'tcpdump: the trace is off, so no frame can be seen: run `trace level syscalls` first\n',
      );
    return capture(io, a, filter, printer);
  },
};

function fail(io: CommandIo, text: string): number {
  io.err(text);
  return 1;
}

function readFile(io: CommandIo, file: string, filter: FrameFilter, printer: TcpdumpPrinter): number {
  const rel = resolvePath(io.cwd, file);
  const bytes = rel.ok ? io.workspace.readBytes(rel.value) : rel;
  if (!bytes.ok) return fail(io, `tcpdump: ${file}: ${fsErrorText[bytes.errno]}\n`);
  const pcap = decodePcap(bytes.value);
  if (isWireError(pcap)) return fail(io, `tcpdump: ${file}: bad dump file format\n`);
  io.err(`reading from file ${file}, link-type EN10MB (Ethernet), snapshot length ${SNAPLEN}\n`);
  for (const r of pcap.records) if (filter(frameFacts(r.data))) io.out(printer.line(r.timestampNs, r.data));
  return 0;
}

function capture(io: CommandIo, a: TcpdumpArgs, filter: FrameFilter, printer: TcpdumpPrinter): JobTask {
  const lab = io.lab!;
  const records: PcapRecord[] = [];
  let stop = (): void => {};
  let exit: ((status: number) => void) | undefined;
  const onFrame = (e: TraceEvent): void => {
    if (e.host !== lab.host || (e.kind !== 'frame_tx' && e.kind !== 'frame_rx')) return;
    if (a.iface !== 'any' && e.dev !== a.iface) return;
    const data = lab.session.world.trace.frame(e.frame);
    if (!filter(frameFacts(data))) return;
    const ts = e.t; // simulated time since boot, as `socklab shell --pcap` writes it
    records.push({ timestampNs: ts, data });
    if (a.write === undefined) io.out(printer.line(ts, data));
  };
  const finish = (status: number): void => {
    stop();
    if (a.write !== undefined) {
      const rel = resolvePath(io.cwd, a.write);
      const written = rel.ok ? io.workspace.writeBytes(rel.value, encodePcap(records)) : rel;
      if (!written.ok) io.err(`tcpdump: ${a.write}: ${fsErrorText[written.errno]}\n`);
    }
    const n = records.length;
    io.err(
      `${n} packet${n === 1 ? '' : 's'} captured\n${n} packet${n === 1 ? '' : 's'} received by filter\n0 packets dropped by kernel\n`,
    );
    const report = exit;
    exit = undefined;
    report?.(status);
  };
  return {
    start(onExit) {
      exit = onExit;
      if (a.write === undefined)
        io.err('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
      io.err(`listening on ${a.iface}, link-type EN10MB (Ethernet), snapshot length ${SNAPLEN} bytes\n`);
      const unsubscribe = lab.session.world.trace.subscribe(onFrame);
      const offReset = lab.session.onChange((c) => {
        if (c.kind === 'reset') finish(0);
      });
      stop = () => {
        unsubscribe();
        offReset();
      };
    },
    signal(signal) {
      if (signal === 'SIGCHLD' || signal === 'SIGCONT') return;
      // tcpdump ends cleanly on SIGINT and SIGTERM (its cleanup handler), with status 0.
      finish(signal === 'SIGKILL' ? 137 : 0);
    },
  };
}
