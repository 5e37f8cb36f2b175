// The kernel calls of a run, indexed once per observation: each `call` event with its return
// value (the matching `ret` at the same depth), its caller (the open call one level up on the
// same host) and its chain (calls are grouped into chains, one per depth-0 call: a system
// call's whole path, or a softirq's receive path).
import type { trace } from '../../core/index';
import type { Observation } from './observation';

/** CallInfo is one kernel call with its return value, caller and chain. */
export interface CallInfo {
  readonly seq: number;
  readonly host: string;
  readonly fn: string;
  readonly args: string;
  readonly depth: number;
  /** ret is the returned value, undefined while the call had not returned when the run ended. */
  ret: trace.TraceValue | undefined;
  readonly parent: string | undefined;
  /** chain numbers the depth-0 call this call runs under. */
  readonly chain: number;
}

const cache = new WeakMap<Observation, CallInfo[]>();

/** callsOf returns the observation's calls in trace order, computed once. */
export function callsOf(obs: Observation): CallInfo[] {
  const hit = cache.get(obs);
  if (hit !== undefined) return hit;
  const out: CallInfo[] = [];
  const stacks = new Map<string, CallInfo[]>();
  const chains = new Map<string, number>();
  let nextChain = 0;
  for (const e of obs.events) {
    if (e.kind !== 'call' && e.kind !== 'ret') continue;
    let stack = stacks.get(e.host);
    if (stack === undefined) stacks.set(e.host, (stack = []));
    if (e.kind === 'call') {
      while (stack.length > 0 && stack.at(-1)!.depth >= e.depth) stack.pop();
      if (e.depth === 0) chains.set(e.host, nextChain++);
      const c: CallInfo = {
        seq: e.seq,
        host: e.host,
        fn: e.fn,
        args: e.args,
        depth: e.depth,
        ret: undefined,
        parent: stack.at(-1)?.fn,
        chain: chains.get(e.host) ?? -1,
      };
      stack.push(c);
      out.push(c);
    } else {
      for (let i = stack.length - 1; i >= 0; i--) {
        const c = stack[i]!;
        if (c.fn === e.fn && c.depth === e.depth) {
          c.ret = e.ret;
          stack.length = i;
          break;
        }
      }
    }
  }
  cache.set(obs, out);
  return out;
}
