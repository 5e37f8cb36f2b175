// The `socklab` command driven in-process with captured streams: the subcommand table, help and
// version, and `socklab run` end to end (output, exit status, arguments, stdin, compile errors,
// faults, options and their errors, the trace and capture files).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { socklab } from './dispatch';
import type { CliIo } from './io';

const dir = mkdtempSync(join(tmpdir(), 'socklab-cli-'));

/** Captured is a CliIo whose streams are strings. */
interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function captured(stdin: string[] = []): Captured {
  let out = '';
  let err = '';
  const text = (c: Uint8Array | string) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
  return {
    io: {
      stdout: (c) => {
        out += text(c);
      },
      stderr: (c) => {
        err += text(c);
      },
      stdin: Readable.from(stdin.map((s) => Buffer.from(s))),
      stdoutIsTty: false,
      cwd: dir,
      onInterrupt: () => () => {},
    },
    out: () => out,
    err: () => err,
  };
}

/** run writes the C files and runs `socklab argv…` on them. */
async function run(argv: string[], files: Record<string, string> = {}, stdin: string[] = []) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const c = captured(stdin);
  const status = await socklab(argv, c.io);
  return { status, out: c.out(), err: c.err() };
}

const HELLO = `#include <stdio.h>
int main(int argc, char **argv) {
    printf("hello from %s with %d args:", argv[0], argc - 1);
    for (int i = 1; i < argc; i++) printf(" %s", argv[i]);
    printf("\\n");
    fprintf(stderr, "to stderr\\n");
    return 42;
}
`;

describe('socklab', () => {
  it('lists the subcommands when asked for help', async () => {
    const r = await run(['help']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^usage: socklab <command>/);
    expect(r.out).toMatch(/^ {2}run +compile a C file and run it in the simulated world$/m);
    for (const name of Object.keys(COMMANDS)) expect(r.out).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
  });

  it('prints the usage on stderr and exits 2 when given no command', async () => {
    const r = await run([]);
    expect([r.status, r.out, r.err.split('\n')[0]]).toEqual([
      2,
      '',
      'usage: socklab <command> [options] [arguments]',
    ]);
  });

  it('prints the package version when given --version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run(['--version'])).toEqual({ status: 0, out: `socklab ${pkg.version}\n`, err: '' });
  });

  it('exits 2 naming the known commands when the command is unknown', async () => {
    const r = await run(['frobnicate']);
    expect(r).toEqual({
      status: 2,
      out: '',
      err: `socklab: unknown command 'frobnicate' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'socklab help')\n`,
    });
  });
});

describe('socklab run', () => {
  it("passes the program's arguments, output and exit status through", async () => {
    const r = await run(['run', 'hello.c', 'a', 'b c'], { 'hello.c': HELLO });
    expect(r).toEqual({ status: 42, out: 'hello from hello.c with 2 args: a b c\n', err: 'to stderr\n' });
  });

  it('exits 1 with gcc-style messages when the file does not compile', async () => {
    const r = await run(['run', 'bad.c'], { 'bad.c': 'int main(void) {\n    return nope;\n}\n' });
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      "bad.c:2:12: error: 'nope' undeclared\n    2 |     return nope;\n      |            ^\n",
    );
  });

  it("feeds our stdin to the program's terminal input when it reads lines", async () => {
    const echo = `#include <stdio.h>
int main(void) {
    char line[64];
    int n = 0;
    while (fgets(line, sizeof line, stdin) != NULL) printf("%d: %s", ++n, line);
    printf("eof after %d\\n", n);
    return 0;
}
`;
    const r = await run(['run', 'echo.c'], { 'echo.c': echo }, ['one\ntw', 'o\n']);
    expect(r).toEqual({ status: 0, out: '1: one\n2: two\neof after 2\n', err: '' });
  });

  it('reports the fault with its line and exits 139 when the program dereferences NULL', async () => {
    const segv = '#include <stddef.h>\nint main(void) {\n    int *p = NULL;\n    return *p;\n}\n';
    const r = await run(['run', 'segv.c'], { 'segv.c': segv });
    expect(r).toEqual({ status: 139, out: '', err: 'Segmentation fault (address 0x0, line 4)\n' });
  });

  it('runs the program on the host named by --host as the uid named by --uid', async () => {
    const who = `#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
int main(void) {
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(9);
    inet_pton(AF_INET, "10.0.0.9", &a.sin_addr);
    connect(u, (struct sockaddr *)&a, sizeof a);
    getsockname(u, (struct sockaddr *)&a, &len);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in b;
    memset(&b, 0, sizeof b);
    b.sin_family = AF_INET;
    b.sin_port = htons(80);
    int r = bind(s, (struct sockaddr *)&b, sizeof b);
    printf("%s bind 80: %s\\n", inet_ntoa(a.sin_addr), r == 0 ? "ok" : strerror(errno));
    return 0;
}
`;
    writeFileSync(join(dir, 'who.c'), who);
    expect((await run(['run', '--host', 'server', 'who.c'])).out).toBe(
      '10.0.0.2 bind 80: Permission denied\n',
    );
    expect((await run(['run', '--uid=0', 'who.c'])).out).toBe('10.0.0.1 bind 80: ok\n');
  });

  it('refuses unknown options, kernels, hosts and sysctls with exit 2', async () => {
    writeFileSync(join(dir, 'ok.c'), 'int main(void) { return 0; }\n');
    const usage = (await run(['run', '--help'])).out.split('\n')[0]!;
    const cases: [string[], string][] = [
      [['--frob', 'ok.c'], `socklab run: unknown option '--frob'\n${usage}\n`],
      [
        ['--kernel', '4.4', 'ok.c'],
        `socklab run: unknown kernel '4.4' (kernels: 2.6.32, 3.10, 6.x)\n${usage}\n`,
      ],
      [['--uid', '-1', 'ok.c'], `socklab run: --uid wants a user id (0 … 4294967295), got '-1'\n${usage}\n`],
      [['--sysctl', 'novalue', 'ok.c'], `socklab run: --sysctl wants KEY=VALUE, got 'novalue'\n${usage}\n`],
      [['--seed'], `socklab run: option '--seed' needs a value\n${usage}\n`],
      [[], `socklab run: no C file given\n${usage}\n`],
      [['--host', 'router', 'ok.c'], 'socklab run: unknown host "router" (hosts: client, server)\n'],
    ];
    for (const [argv, err] of cases) expect(await run(['run', ...argv])).toEqual({ status: 2, out: '', err });
    const sysctl = await run(['run', '--sysctl', 'net.ipv4.tcp_nope=1', 'ok.c']);
    expect(sysctl.status).toBe(2);
    expect(sysctl.err).toMatch(/^socklab run: sysctl: unknown key "net\.ipv4\.tcp_nope"/);
    const bad = await run(['run', '--sysctl', 'net.ipv4.ping_group_range=0', 'ok.c']);
    expect(bad).toEqual({
      status: 2,
      out: '',
      err: 'socklab run: sysctl: setting key "net.ipv4.ping_group_range": Invalid argument (want 2 integers, got "0")\n',
    });
  });

  it('stops with a clear message when the program can never be woken', async () => {
    const stuck = '#include <unistd.h>\nint main(void) {\n    pause();\n    return 0;\n}\n';
    expect(await run(['run', 'stuck.c'], { 'stuck.c': stuck })).toEqual({
      status: 1,
      out: '',
      err: 'socklab run: stuck.c is blocked for ever: nothing in the simulated world can wake it; stopping\n',
    });
  });

  it('ends the program with status 130 when Ctrl-C comes while it waits for input', async () => {
    writeFileSync(join(dir, 'wait.c'), '#include <stdio.h>\nint main(void) {\n    return getchar();\n}\n');
    const c = captured();
    const stdin = new PassThrough();
    let ctrlC: (() => void) | undefined;
    const io: CliIo = {
      ...c.io,
      stdin,
      onInterrupt: (h) => {
        ctrlC = h;
        return () => (ctrlC = undefined);
      },
    };
    const done = socklab(['run', 'wait.c'], io);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(ctrlC).toBeDefined();
    ctrlC!();
    expect(await done).toBe(130);
    expect(ctrlC).toBeUndefined();
  });

  it('follows the era named by --kernel: tcp_sendmsg straight from the socket layer on 2.6.32, inet_sendmsg on 3.10', async () => {
    const tcp = `#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
int main(void) {
    struct sockaddr_in a;
    char buf[8];
    int s = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(7);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    connect(s, (struct sockaddr *)&a, sizeof a);
    send(s, "hi", 2, 0);
    return recv(s, buf, sizeof buf, 0);
}
`;
    const firstSendmsg = async (kernel: string) => {
      const r = await run(['run', '--kernel', kernel, '--trace', `tcp-${kernel}.jsonl`, 'tcp.c'], {
        'tcp.c': tcp,
      });
      expect(r).toEqual({ status: 2, out: '', err: '' }); // the echo service on server sent "hi" back
      return readFileSync(join(dir, `tcp-${kernel}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { kind: string; host: string; fn?: string })
        .find(
          (e) =>
            e.kind === 'call' && e.host === 'client' && (e.fn === 'tcp_sendmsg' || e.fn === 'inet_sendmsg'),
        )?.fn;
    };
    expect(await firstSendmsg('2.6.32')).toBe('tcp_sendmsg');
    expect(await firstSendmsg('3.10')).toBe('inet_sendmsg');
  });

  it('exits 1 saying so when the file cannot be read', async () => {
    expect(await run(['run', 'missing.c'])).toEqual({
      status: 1,
      out: '',
      err: "socklab run: cannot read 'missing.c'\n",
    });
  });

  it('writes the trace as JSON Lines and the frames as a pcap when asked', async () => {
    const udp = `#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(9);
    inet_pton(AF_INET, "10.0.0.2", &to.sin_addr);
    return sendto(s, "hi", 2, 0, (struct sockaddr *)&to, sizeof to) == 2 ? 0 : 1;
}
`;
    const r = await run(['run', '--trace', 'udp.jsonl', '--pcap=udp.pcap', '--kernel', '6.x', 'udp.c'], {
      'udp.c': udp,
    });
    expect(r).toEqual({ status: 0, out: '', err: '' });
    const events = readFileSync(join(dir, 'udp.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    events.forEach((e, i) =>
      expect(e).toMatchObject({ seq: i, host: expect.any(String), kind: expect.any(String) }),
    );
    expect(events.every((e) => Number.isInteger(e['t_ns']))).toBe(true);
    const send = events.find((e) => e['kind'] === 'call' && e['fn'] === 'udp_sendmsg');
    expect(send).toMatchObject({ host: 'client', file: 'net/ipv4/udp.c', depth: expect.any(Number) });
    const pcap = readFileSync(join(dir, 'udp.pcap'));
    expect(pcap.readUInt32LE(0)).toBe(0xa1b23c4d);
    const frames: Buffer[] = [];
    for (let at = 24; at < pcap.length;) {
      const len = pcap.readUInt32LE(at + 8);
      frames.push(pcap.subarray(at + 16, at + 16 + len));
      at += 16 + len;
    }
    const udpFrame = frames.find((f) => f.readUInt16BE(12) === 0x0800 && f[23] === 17);
    expect(udpFrame?.subarray(26, 34).toString('hex')).toBe('0a0000010a000002'); // 10.0.0.1 → 10.0.0.2
    expect(udpFrame?.subarray(udpFrame.length - 2).toString()).toBe('hi');
  });
});
