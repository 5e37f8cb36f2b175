// The kernel's benchmark workload: a bulk TCP transfer client → server over the default
// link, run to completion on simulated time. core has no wall clock, so this returns what
// the run did (events recorded, trace bytes per event, simulated time) and the caller
// (main/cli/bench.ts) times it.

import type { TraceLevel } from '../../trace';
import type { KernelVersion } from '../profiles';
import { established, transfer } from '../testing/tcp';

/** BenchTransferOptions configure benchTransfer: bytes to move, the trace level and the kernel era. */
export interface BenchTransferOptions {
  readonly bytes: number;
  readonly traceLevel: TraceLevel;
  readonly kernel?: KernelVersion;
}

/** BenchTransferResult is what a benchmark transfer did. */
export interface BenchTransferResult {
  /** bytes is how many bytes the server read (equal to the bytes asked for). */
  readonly bytes: number;
  /** events is the number of trace events recorded (0 at level off). */
  readonly events: number;
  /** bytesPerEvent is the trace store's memory per recorded event. */
  readonly bytesPerEvent: number;
  /** simulatedNs is the simulated time the transfer took, from the first send to the last byte read. */
  readonly simulatedNs: number;
}

/** benchTransfer connects client to server and moves opts.bytes with non-blocking send() and recv() turns each simulated millisecond. */
export function benchTransfer(opts: BenchTransferOptions): BenchTransferResult {
  const e = established(opts.kernel ?? '3.10', { trace: opts.traceLevel });
  const data = new Uint8Array(opts.bytes);
  for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
  const start = e.w.sim.now;
  const got = transfer(e, data);
  if (got.length !== opts.bytes)
    throw new Error(`benchTransfer: stalled at ${got.length} of ${opts.bytes} bytes`);
  return {
    bytes: got.length,
    events: e.w.trace.length,
    bytesPerEvent: e.w.trace.bytesPerEvent(),
    simulatedNs: e.w.sim.now - start,
  };
}
