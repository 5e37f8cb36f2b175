// Setting a simulated sysctl before a program starts (`socklab run --sysctl KEY=VALUE`), with
// the checks sysctl(8) would make: the key must exist on this kernel, and the value must have
// the shape of its default (one integer, a fixed number of whitespace-separated integers, or a
// name such as a congestion control module that must be registered).

import type { Host, Sysctls } from '../kernel/index';
import { tcpCongList } from '../kernel/index';

/** nameChecks validate the sysctls whose value is a name, answering as sysctl(8) does on a bad one. */
const nameChecks: Readonly<Record<string, (value: string) => boolean>> = {
  'net.ipv4.tcp_congestion_control': (v) => Object.hasOwn(tcpCongList(), v),
};

/** sysctlKeys lists the sysctls a host models, sorted. */
export function sysctlKeys(h: Host): string[] {
  return Object.keys(h.sysctl).sort();
}

/** setSysctl sets key to value on host h; it returns an error message, or null when set. */
export function setSysctl(h: Host, key: string, value: string): string | null {
  const table = h.sysctl as Record<string, unknown>;
  if (!Object.hasOwn(table, key))
    return `sysctl: unknown key "${key}" (no /proc/sys/${key.replaceAll('.', '/')}); SockLab models: ${sysctlKeys(h).join(', ')}`;
  const current = table[key];
  if (current === null) return `sysctl: ${key} does not exist in kernel ${h.profile.version}`;
  if (typeof current === 'string') {
    const name = value.trim();
    const ok = nameChecks[key] ?? ((v: string) => v !== '');
    if (!ok(name)) return `sysctl: setting key "${key}": No such file or directory`;
    table[key] = name;
    return null;
  }
  const words = value
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const want = Array.isArray(current) ? current.length : 1;
  const nums = words.map((w) => (/^-?\d+$/.test(w) ? Number(w) : NaN));
  if (nums.length !== want || nums.some((n) => !Number.isSafeInteger(n)))
    return `sysctl: setting key "${key}": Invalid argument (want ${want === 1 ? 'an integer' : `${want} integers`}, got "${value}")`;
  (table as Record<string, unknown>)[key] = Array.isArray(current) ? nums : nums[0];
  return null;
}

/** SysctlTable is a host's sysctl table (re-exported for callers that list values). */
export type SysctlTable = Sysctls;
