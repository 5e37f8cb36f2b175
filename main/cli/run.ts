// `socklab run [options] FILE.c [ARGS…]`: compiles FILE.c and runs it as a task in a fresh
// default world, the program's stdout and stderr on ours and our stdin as its terminal input;
// the exit status is the program's (128+N after signal N), 1 after compile errors (printed as
// gcc prints them), 2 for a bad command line. --trace and --pcap write the run's trace (JSON
// Lines) and capture when the program has exited.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exec } from '../../core/index';
import type { CliIo } from './io';
import { loadParser } from './parser';
import { RUN_USAGE, parseRunArgs, type RunArgs } from './runArgs';
import { USAGE_ERROR } from './dispatch';
import { StdinFeed } from './stdinFeed';

/** SLICE is how many VM instructions run between two turns of Node's event loop. */
const SLICE = 1_000_000;
/** DRAIN_NS is how much simulated time runs after the program exits, so frames in flight reach the capture. */
const DRAIN_NS = 1_000_000_000;

const HELP = `${RUN_USAGE}

Compiles FILE.c with SockLab's C and runs it on a simulated host (client 10.0.0.1 or server
10.0.0.2; default client), as uid 1000 without capabilities (--uid 0: root with every
capability), on kernel 3.10 unless --kernel says otherwise. --sysctl sets a simulated sysctl on
that host first (repeatable). --seed seeds the simulation (default 1). --trace writes every
trace event as JSON Lines; --pcap writes every frame as a pcap file.
`;

function tryRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** main runs `socklab run` with the arguments after `run`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseRunArgs(argv);
  if (parsed.k === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.k === 'error') {
    io.stderr(`socklab run: ${parsed.message}\n${RUN_USAGE}\n`);
    return USAGE_ERROR;
  }
  const a = parsed.args;
  const text = tryRead(resolve(io.cwd, a.file));
  if (text === undefined) {
    io.stderr(`socklab run: cannot read '${a.file}'\n`);
    return 1;
  }
  const r = exec.runProgram({
    parser: await loadParser(),
    path: a.file,
    text,
    readFile: (p) => tryRead(resolve(io.cwd, p)),
    args: a.args,
    ...(a.kernel === undefined ? {} : { kernel: a.kernel }),
    ...(a.host === undefined ? {} : { host: a.host }),
    ...(a.uid === undefined ? {} : { uid: a.uid }),
    ...(a.seed === undefined ? {} : { seed: a.seed }),
    sysctls: a.sysctls,
    trace: a.trace !== undefined ? 'full' : a.pcap !== undefined ? 'syscalls' : 'off',
    stdout: (b) => io.stdout(b),
    stderr: (b) => io.stderr(b),
    tty: io.stdoutIsTty,
    services: true,
  });
  if (r.k === 'error') {
    io.stderr(`socklab run: ${r.message}\n`);
    return USAGE_ERROR;
  }
  if (r.k === 'compile') {
    io.stderr(r.text);
    return 1;
  }
  io.stderr(r.warnings);
  const status = await drive(r.exec, r.proc, a, io);
  return writeOutputs(r.exec.world, a, io) ? status : 1;
}

/** drive runs the program to its end, feeding it our stdin and passing Ctrl-C on; it returns its exit status. */
async function drive(x: exec.Exec, p: exec.Proc, a: RunArgs, io: CliIo): Promise<number> {
  const feed = new StdinFeed(io.stdin, x);
  const offInterrupt = io.onInterrupt(() => {
    x.interrupt(p);
    feed.poke();
  });
  const exited = () => p.state === 'exited';
  try {
    while (!exited()) {
      const status = x.run({ instructions: SLICE });
      if (exited()) break;
      if (status === 'idle') {
        if (feed.ended && !feed.poked) {
          io.stderr(
            `socklab run: ${a.file} is blocked for ever: nothing in the simulated world can wake it; stopping\n`,
          );
          return 1;
        }
        await feed.next();
      } else await new Promise((done) => setImmediate(done));
    }
  } finally {
    offInterrupt();
    feed.close();
  }
  if (p.fault !== null) io.stderr(`${p.fault.message}\n`);
  x.world.sim.runUntil(x.world.sim.now + DRAIN_NS);
  return p.status ?? 1;
}

/** writeOutputs writes the trace and capture files asked for; false (after saying why) when one cannot be written. */
function writeOutputs(world: exec.Exec['world'], a: RunArgs, io: CliIo): boolean {
  const files: [string | undefined, () => string | Uint8Array][] = [
    [a.trace, () => exec.traceJsonLines(world)],
    [a.pcap, () => exec.capturePcap(world)],
  ];
  for (const [file, content] of files) {
    if (file === undefined) continue;
    try {
      writeFileSync(resolve(io.cwd, file), content());
    } catch (e) {
      io.stderr(`socklab run: cannot write '${file}': ${e instanceof Error ? e.message : String(e)}\n`);
      return false;
    }
  }
  return true;
}
