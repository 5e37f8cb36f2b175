// A window's live LabSession as an Observation, for checking what the student did in the
// terminal: the current world's trace, snapshots and frames, the programs the session log
// saw (their output by pid, their exit status, and the command line that started them), and
// every shell command run.
import type { LabSession, SessionLogEntry } from '../../core/index';
import { observeWorld, type Observation, type ProgramResult } from './observation';

/** programsOf groups the session log's outputs and exits into one result per program, in start order. */
function programsOf(log: readonly SessionLogEntry[]): ProgramResult[] {
  const byPid = new Map<
    string,
    { file: string; host: string; pid: number; stdout: string; stderr: string; status: number | null }
  >();
  const lastCommand = new Map<string, string>();
  const get = (host: string, pid: number) => {
    const key = `${host}/${pid}`;
    let p = byPid.get(key);
    if (p === undefined || p.status !== null) {
      // A pid seen again after its exit is a new program (pids are reused by a reset world).
      p = { file: lastCommand.get(host) ?? '', host, pid, stdout: '', stderr: '', status: null };
      byPid.set(key, p);
      order.push(p);
    }
    return p;
  };
  const order: Array<{
    file: string;
    host: string;
    pid: number;
    stdout: string;
    stderr: string;
    status: number | null;
  }> = [];
  for (const e of log) {
    if (e.kind === 'command') lastCommand.set(e.host, e.line);
    else if (e.kind === 'output') get(e.host, e.pid)[e.stream] += e.text;
    else if (e.kind === 'exit') {
      const p = byPid.get(`${e.host}/${e.pid}`);
      if (p !== undefined && p.status === null) p.status = e.status;
    }
  }
  return order.map((p) => ({ ...p, fault: null }));
}

/** observeSession reads a live session as an Observation (the run is never "over": outcome idle). */
export function observeSession(session: LabSession): Observation {
  const log = session.log;
  const commands = log.filter((e) => e.kind === 'command').map((e) => (e as { line: string }).line);
  return observeWorld(session.world, programsOf(log), commands, { k: 'idle' });
}
