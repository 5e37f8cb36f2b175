// Stepping and breakpoints: while either is on, run() asks before every instruction whether
// the program has reached a new source line it should stop at.
import type { RunResult } from './result';
import type { VmState } from './state';

export /** trapStop decides, while stepping or with breakpoints, whether to stop before a line. */
function trapStop(s: VmState, line: number): RunResult | undefined {
  if (line === 0 || line === s.trap.lastLine) return undefined;
  const prev = s.trap.lastLine;
  s.trap.lastLine = line;
  if ((s.trap.step && prev !== 0) || s.trap.breakpoints.includes(line)) return { k: 'step', line };
  return undefined;
}
