// tc qdisc over the command's host: `tc qdisc show [dev DEV]`, and (as root) `tc qdisc
// add|change|replace|del dev DEV root netem delay T [JITTER] loss P% duplicate P% reorder P%
// limit N`, through the simulated kernel's qdisc API, with tc's messages.
import type { NetemOptions } from '../../kernel/index';
import { tcQdiscAdd, tcQdiscChange, tcQdiscDel, tcQdiscShow } from '../../kernel/index';
import type { ShellCommand } from '../command';

const TIME_UNITS: Record<string, number> = {
  '': 1e6,
  s: 1e9,
  sec: 1e9,
  ms: 1e6,
  msec: 1e6,
  us: 1e3,
  usec: 1e3,
};

/** parseTime reads tc's times (100ms, 1s, 500us; a bare number is ms here); undefined when malformed. */
function parseTime(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/.exec(text);
  const unit = m === null ? undefined : TIME_UNITS[m[2]!];
  return m === null || unit === undefined ? undefined : Number(m[1]) * unit;
}

function parsePercent(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text);
  return m === null ? undefined : Number(m[1]);
}

/** parseNetem reads netem's options; a string is tc's complaint. */
function parseNetem(words: readonly string[]): NetemOptions | string {
  const o: { -readonly [K in keyof NetemOptions]: NetemOptions[K] } = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === 'delay') {
      const d = next === undefined ? undefined : parseTime(next);
      if (d === undefined) return `Illegal "latency"`;
      o.delay = d;
      i++;
      const j = words[i + 1] === undefined ? undefined : parseTime(words[i + 1]!);
      if (j !== undefined) {
        o.jitter = j;
        i++;
      }
    } else if (w === 'loss' || w === 'duplicate' || w === 'reorder') {
      const p = next === undefined ? undefined : parsePercent(next);
      if (p === undefined) return `Illegal "${w}" percentage`;
      o[w] = p;
      i++;
    } else if (w === 'limit') {
      const n = Number(next);
      if (!Number.isInteger(n)) return 'Illegal "limit"';
      o.limit = n;
      i++;
    } else
      return `What is "${w}"?\nUsage: ... netem [ limit PACKETS ] [ delay TIME [ JITTER ] ] [ loss PERCENT ] [ duplicate PERCENT ] [ reorder PERCENT ]`;
  }
  return o;
}

/** tc shows and changes the root qdisc of the host's devices (netem for delay and loss). */
export const tc: ShellCommand = {
  name: 'tc',
  summary: 'traffic control: tc qdisc add dev eth0 root netem delay 100ms loss 1%',
  usage: 'tc qdisc { show [dev DEV] | add|change|replace|del dev DEV root [netem OPTIONS] }',
  example: 'sudo tc qdisc add dev eth0 root netem delay 50ms',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) {
      io.err('tc: no simulated world in this shell\n');
      return 1;
    }
    const h = lab.session.world.hosts.get(lab.host)!;
    const [object, verb = 'show', ...rest] = argv.slice(1);
    if (object !== 'qdisc' && object !== 'q') {
      io.err(
        object === undefined
          ? 'Usage: tc [ OPTIONS ] OBJECT { COMMAND | help }\n'
          : `Object "${object}" is unknown, try "tc help".\n`,
      );
      return 255;
    }
    const fail = (text: string, status = 2) => (io.err(text + '\n'), status);
    if (verb === 'show' || verb === 'ls' || verb === 'list') {
      const dev = rest[0] === 'dev' ? rest[1] : undefined;
      const lines = tcQdiscShow(h, dev);
      if (typeof lines === 'string') return fail(lines, 1);
      io.out(lines.map((l) => l + ' \n').join(''));
      return 0;
    }
    if (!['add', 'change', 'replace', 'del', 'delete'].includes(verb))
      return fail(`Command "${verb}" is unknown, try "tc qdisc help".`, 255);
    if (rest[0] !== 'dev' || rest[1] === undefined) return fail('Cannot find device ""', 1);
    const dev = rest[1];
    if (rest[2] !== 'root')
      return fail('SockLab models the root qdisc only: tc qdisc ... dev DEV root ...', 255);
    if (!lab.root) return fail('RTNETLINK answers: Operation not permitted');
    if (verb === 'del' || verb === 'delete') {
      const e = tcQdiscDel(h, dev);
      return e === null ? 0 : fail(e);
    }
    if (rest[3] !== 'netem')
      return fail(`SockLab's tc knows the netem qdisc only (got "${rest[3] ?? ''}")`, 255);
    const o = parseNetem(rest.slice(4));
    if (typeof o === 'string') return fail(o, 1);
    const e =
      verb === 'add'
        ? tcQdiscAdd(h, dev, o)
        : verb === 'change'
          ? tcQdiscChange(h, dev, o)
          : (tcQdiscDel(h, dev), tcQdiscAdd(h, dev, o));
    return e === null ? 0 : fail(e);
  },
};
