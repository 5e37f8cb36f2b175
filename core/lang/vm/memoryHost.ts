// MemoryHost is a tiny host with no kernel behind it: write() to fds 1 and 2 is captured,
// read() of stdin comes from a string, isatty() answers as configured. Tests, the benchmark and
// simple headless runs use it; the simulator provides the real host.
import type { Blocked, Host, HostCallName, HostCalls, HostEntry, MemoryAccess, SyscallResult } from './host';

const EBADF = 9;
const ENOSYS = 38;

/** DEFAULT_HOSTS is the default world's hosts table (DESIGN.md "Hosts and network"). */
export const DEFAULT_HOSTS: readonly HostEntry[] = [
  { name: 'localhost', v4: [0x7f000001] },
  { name: 'client', v4: [0x0a000001] },
  { name: 'server', v4: [0x0a000002] },
];

/** MemoryHost captures a program's output in memory. */
export class MemoryHost implements Host {
  readonly stdout: number[] = [];
  readonly stderr: number[] = [];
  private input: number[];
  /** now is the simulated time in nanoseconds; nanosleep advances it. */
  now = 0;
  /** hosts is the table the resolver reads. */
  hosts: readonly HostEntry[] = DEFAULT_HOSTS;

  constructor(
    stdin = '',
    private readonly tty = true,
  ) {
    this.input = Array.from(stdin, (c) => c.charCodeAt(0) & 0xff);
  }

  /** out is everything written to stdout, as text (bytes decoded as Latin-1 unless UTF-8 decodes). */
  get out(): string {
    return decode(this.stdout);
  }

  /** err is everything written to stderr, as text. */
  get err(): string {
    return decode(this.stderr);
  }

  syscall(name: string, args: readonly number[], mem: MemoryAccess): SyscallResult {
    switch (name) {
      case 'write': {
        const [fd = -1, addr = 0, len = 0] = args;
        if (fd !== 1 && fd !== 2) return -EBADF;
        const bytes = mem.read(addr, len);
        if (bytes === undefined) return -14;
        (fd === 1 ? this.stdout : this.stderr).push(...bytes);
        return len;
      }
      case 'read': {
        const [fd = -1, addr = 0, len = 0] = args;
        if (fd !== 0) return -EBADF;
        const part = this.input.slice(0, len);
        if (!mem.write(addr, Uint8Array.from(part))) return -14;
        this.input = this.input.slice(part.length);
        return part.length;
      }
      case 'isatty':
        return this.tty && (args[0] ?? -1) <= 2 ? 1 : 0;
      case 'getpid':
        return 100;
      default:
        return -ENOSYS;
    }
  }

  call<N extends HostCallName>(
    name: N,
    args: HostCalls[N]['args'],
  ): HostCalls[N]['reply'] | number | Blocked {
    const a = args as Record<string, unknown>;
    switch (name) {
      case 'clock':
        return this.now;
      case 'nanosleep':
        this.now += Math.max(0, a['ns'] as number);
        return { ret: 0, remainingNs: 0 } as HostCalls[N]['reply'];
      case 'hosts':
        return this.hosts as HostCalls[N]['reply'];
      case 'sigdisp':
        return 0;
      default:
        return -ENOSYS;
    }
  }
}

function decode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (n > 1 && i + n <= bytes.length && bytes.slice(i + 1, i + n).every((x) => (x & 0xc0) === 0x80)) {
      let cp = b & (0x7f >> n);
      for (let j = 1; j < n; j++) cp = (cp << 6) | (bytes[i + j]! & 63);
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += String.fromCharCode(b);
      i++;
    }
  }
  return out;
}
