// What the check engine reads: a plain record of one run, the same whether it comes from a
// grading run (run.ts) or from a window's live LabSession (fromSession.ts) — the trace's
// events, struct snapshots as of any event, the frames on the wires with their decoded fields,
// each program's output and exit, the shell commands run, and how the run ended.
import type { exec, trace } from '../../core/index';
import { trace as coreTrace } from '../../core/index';
import { frameFacts, type FrameFacts } from './frame';

/** World is the simulated world a run happened in. */
export type World = exec.Exec['world'];

/** ProgramResult is one program of a run: where it ran, what it printed and how it ended. */
export interface ProgramResult {
  readonly file: string;
  readonly host: string;
  readonly pid: number;
  readonly stdout: string;
  readonly stderr: string;
  /** status is the exit status (128+N after signal N), or null while it still ran when the run stopped. */
  readonly status: number | null;
  /** fault is the runtime fault that killed it (its message names the line), if any. */
  readonly fault: string | null;
}

/** FrameSeen is one frame that crossed a wire: the trace event that recorded it and its decoded fields. */
export interface FrameSeen {
  readonly seq: number;
  readonly dir: 'tx' | 'rx';
  readonly host: string;
  readonly dev: string;
  readonly facts: FrameFacts;
}

/**
 * Outcome is how a run ended: every program exited (done), nothing more could happen (idle),
 * the instruction budget ran out with a program still running (budget: it loops), the grader's
 * time budget ran out first (timeout, after that many instructions), a student
 * file did not compile, or the submission could not run at all (error).
 */
export type Outcome =
  | { readonly k: 'done' | 'idle' }
  | { readonly k: 'budget' | 'timeout'; readonly instructions: number }
  | { readonly k: 'compile'; readonly file: string; readonly text: string }
  | { readonly k: 'error'; readonly message: string };

/** Observation is everything a check may look at. */
export interface Observation {
  readonly events: readonly trace.TraceEvent[];
  /** snapshotAt returns every live struct after event seq (-1: before any). */
  snapshotAt(seq: number): trace.Snapshot;
  readonly frames: readonly FrameSeen[];
  readonly programs: readonly ProgramResult[];
  readonly commands: readonly string[];
  readonly outcome: Outcome;
}

/** observeWorld reads a world's trace, snapshots and frames into an Observation. */
export function observeWorld(
  world: World,
  programs: readonly ProgramResult[],
  commands: readonly string[],
  outcome: Outcome,
): Observation {
  const rec = world.trace;
  const events = rec.events();
  const snapshots = new coreTrace.SnapshotIndex(rec);
  const frames: FrameSeen[] = [];
  for (const e of events) {
    if (e.kind === 'frame_tx' || e.kind === 'frame_rx') {
      frames.push({
        seq: e.seq,
        dir: e.kind === 'frame_tx' ? 'tx' : 'rx',
        host: e.host,
        dev: e.dev,
        facts: frameFacts(rec.frame(e.frame)),
      });
    }
  }
  return { events, snapshotAt: (seq) => snapshots.at(seq), frames, programs, commands, outcome };
}

/** emptyObservation is the observation of a run that never started (compile errors, bad submissions). */
export function emptyObservation(outcome: Outcome, programs: readonly ProgramResult[] = []): Observation {
  return { events: [], snapshotAt: () => new Map(), frames: [], programs, commands: [], outcome };
}
