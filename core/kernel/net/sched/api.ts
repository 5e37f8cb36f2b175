// The API behind the shell's `tc qdisc add|change|del|show` (net/sched/sch_api.c): a device's
// root qdisc is pfifo_fast (noqueue for lo) until netem replaces it; del restores the
// default. show prints iproute2's lines. Each changer returns null or tc's error text.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { netem_destroy, netem_init, netemOf, type NetemOptions } from './sch_netem';

/** deviceOf returns the named device or tc's error text. */
function deviceOf(h: Host, dev: string) {
  return h.net.devices.get(dev) ?? `Cannot find device "${dev}"`;
}

/** checkNetem validates netem's options the way tc's parser and netem_change do. */
function checkNetem(o: NetemOptions): string | null {
  for (const [k, v] of [
    ['loss', o.loss],
    ['duplicate', o.duplicate],
    ['reorder', o.reorder],
  ] as const)
    if (v !== undefined && !(v >= 0 && v <= 100)) return `Illegal "${k}" percentage ${v}`;
  for (const [k, v] of [
    ['delay', o.delay],
    ['jitter', o.jitter],
  ] as const)
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) return `Illegal "${k}" time ${v}`;
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit > 0))
    return `Illegal "limit" ${o.limit}`;
  return null;
}

/** tcQdiscAdd is `tc qdisc add dev DEV root netem …`: it replaces the default root qdisc. */
export function tcQdiscAdd(h: Host, dev: string, o: NetemOptions): string | null {
  const d = deviceOf(h, dev);
  if (typeof d === 'string') return d;
  if (d.f.qdisc === 'netem') return 'Error: Exclusivity flag on, cannot modify.';
  const bad = checkNetem(o);
  if (bad !== null) return bad;
  h.kcall(
    'qdisc_create',
    `dev=${dev}, kind=netem`,
    () => (netem_init(d, o), kset(h, d, 'qdisc', 'netem')),
    'net/sched/sch_api.c',
  );
  return null;
}

/** tcQdiscChange is `tc qdisc change dev DEV root netem …`: only the options given change. */
export function tcQdiscChange(h: Host, dev: string, o: NetemOptions): string | null {
  const d = deviceOf(h, dev);
  if (typeof d === 'string') return d;
  const q = netemOf(d);
  if (q === undefined || d.f.qdisc !== 'netem') return 'Error: Specified qdisc not found.';
  const bad = checkNetem(o);
  if (bad !== null) return bad;
  h.kcall('qdisc_change', `dev=${dev}, kind=netem`, () => netem_init(d, o, q), 'net/sched/sch_api.c');
  return null;
}

/** tcQdiscDel is `tc qdisc del dev DEV root`: the default qdisc comes back. */
export function tcQdiscDel(h: Host, dev: string): string | null {
  const d = deviceOf(h, dev);
  if (typeof d === 'string') return d;
  if (d.f.qdisc !== 'netem') return 'Error: Cannot delete qdisc with handle of zero.';
  const dflt = d.f.tx_queue_len === 0 ? 'noqueue' : 'pfifo_fast'; // attach_one_default_qdisc
  h.kcall(
    'qdisc_graft',
    `dev=${dev}, default`,
    () => (netem_destroy(d), kset(h, d, 'qdisc', dflt)),
    'net/sched/sch_api.c',
  );
  return null;
}

/** ms renders ns the way tc prints times (100ms, 1.5ms, 250us). */
function ms(ns: number): string {
  if (ns >= 1e6) return `${+(ns / 1e6).toFixed(3)}ms`;
  return `${+(ns / 1e3).toFixed(3)}us`;
}

/** tcQdiscShow is `tc qdisc show [dev DEV]`: one line per device's root qdisc. */
export function tcQdiscShow(h: Host, dev?: string): string[] | string {
  const devs = dev === undefined ? [...h.net.devices.values()] : [deviceOf(h, dev)];
  const out: string[] = [];
  for (const d of devs) {
    if (typeof d === 'string') return d;
    const name = d.f.name;
    if (d.f.qdisc === 'noqueue') out.push(`qdisc noqueue 0: dev ${name} root refcnt 2`);
    else if (d.f.qdisc === 'pfifo_fast')
      out.push(
        `qdisc pfifo_fast 0: dev ${name} root refcnt 2 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1`,
      );
    else {
      const o = netemOf(d)!.opts;
      const parts = [`qdisc netem 8001: dev ${name} root refcnt 2 limit ${o.limit}`];
      if (o.delay > 0) parts.push(`delay ${ms(o.delay)}${o.jitter > 0 ? `  ${ms(o.jitter)}` : ''}`);
      if (o.loss > 0) parts.push(`loss ${o.loss}%`);
      if (o.duplicate > 0) parts.push(`duplicate ${o.duplicate}%`);
      if (o.reorder > 0) parts.push(`reorder ${o.reorder}% gap 1`);
      out.push(parts.join(' '));
    }
  }
  return out;
}
