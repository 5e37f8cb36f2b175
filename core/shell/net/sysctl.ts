// sysctl over the command's host's simulated sysctls, as procps's sysctl prints and sets them:
// `sysctl KEY`, `sysctl -a`, `sysctl -w KEY=VALUE` (root only); values with several numbers
// are printed tab-separated.
import { setSysctl, sysctlKeys } from '../../exec/index';
import type { ShellCommand } from '../command';

/** sysctl reads and writes the simulated kernel parameters. */
export const sysctl: ShellCommand = {
  name: 'sysctl',
  summary: 'read or set kernel parameters: sysctl net.ipv4.tcp_syncookies, sysctl -w K=V',
  usage: 'sysctl [-a] [-n] [-w] KEY[=VALUE]...',
  example: 'sysctl net.ipv4.tcp_rmem',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) {
      io.err('sysctl: no simulated world in this shell\n');
      return 1;
    }
    const h = lab.session.world.hosts.get(lab.host)!;
    const table = h.sysctl as Record<string, unknown>;
    let write = false;
    let valuesOnly = false;
    const keys: string[] = [];
    for (const arg of argv.slice(1)) {
      if (arg === '-w') write = true;
      else if (arg === '-n') valuesOnly = true;
      else if (arg === '-a' || arg === '-A') keys.push(...sysctlKeys(h).filter((k) => table[k] !== null));
      else if (arg.startsWith('-')) {
        io.err(
          `sysctl: invalid option -- '${arg.slice(1, 2)}'\nUsage:\n sysctl [options] [variable[=value] ...]\n`,
        );
        return 255;
      } else keys.push(arg);
    }
    const show = (key: string) => {
      const v = table[key];
      const text = Array.isArray(v) ? v.join('\t') : String(v);
      io.out(valuesOnly ? `${text}\n` : `${key} = ${text}\n`);
    };
    let status = 0;
    for (const item of keys) {
      const eq = item.indexOf('=');
      const key = (eq < 0 ? item : item.slice(0, eq)).replaceAll('/', '.').trim();
      if (eq >= 0 || write) {
        if (eq < 0) {
          io.err(`sysctl: "${key}" must be of the form name=value\n`);
          status = 1;
          continue;
        }
        if (!Object.hasOwn(table, key) || table[key] === null) {
          io.err(`sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory\n`);
          status = 255;
          continue;
        }
        if (!lab.root) {
          io.err(`sysctl: permission denied on key "${key}"\n`);
          status = 255;
          continue;
        }
        const error = setSysctl(h, key, item.slice(eq + 1));
        if (error !== null) {
          io.err(error + '\n');
          status = 255;
          continue;
        }
        show(key);
      } else if (!Object.hasOwn(table, key) || table[key] === null) {
        io.err(`sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory\n`);
        status = 255;
      } else show(key);
    }
    return status;
  },
};
