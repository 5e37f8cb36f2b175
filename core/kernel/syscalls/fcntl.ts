// fcntl(2) (fs/fcntl.c do_fcntl): F_GETFD / F_SETFD read and set FD_CLOEXEC in the fd table's
// close_on_exec bitmap; F_GETFL / F_SETFL read the file's f_flags and change the flags
// setfl may change (O_NONBLOCK, O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME; others are ignored).
// The terminal's struct file is shared by every task here, so F_SETFL on it is refused.

import type { Host } from '../host/host';
import { kset } from '../host/kstruct';
import { O_NONBLOCK } from '../include/uapi/socket';
import { fdget } from '../sched/task';
import { syscall } from './entry';
import '../net/socket/wait';

/** F maps the fcntl commands SockLab handles to their numbers, one row per command. */
// prettier-ignore
export const F = {
  F_GETFD: 1, // FD_CLOEXEC of the fd
  F_SETFD: 2, // set FD_CLOEXEC
  F_GETFL: 3, // file status flags
  F_SETFL: 4, // set O_NONBLOCK …
} as const;

/** FD_CLOEXEC is the close-on-exec bit of F_GETFD / F_SETFD. */
export const FD_CLOEXEC = 1;
/** SETFL_MASK is O_APPEND | O_NONBLOCK | O_ASYNC (FASYNC) | O_DIRECT | O_NOATIME on x86-64. */
const SETFL_MASK = 0x400 | O_NONBLOCK | 0x2000 | 0x4000 | 0x40000;

/** fcntl is fcntl(2) for F_GETFD, F_SETFD, F_GETFL and F_SETFL: the value or 0, or -errno. */
export function fcntl(h: Host, pid: number, fd: number, cmd: number, arg = 0): number {
  return syscall(h, pid, 'fcntl', `${fd}, ${cmd}, 0x${(arg >>> 0).toString(16)}`, (t) =>
    h.kcall(
      'sys_fcntl',
      `${fd}, ${cmd}`,
      () => {
        const file = fdget(t, fd);
        if (file === null) return h.kerr('EBADF', `fd ${fd} is not open in pid ${t.pid}`);
        return h.kcall(
          'do_fcntl',
          `fd=${fd}, cmd=${cmd}`,
          () => {
            const cloexec = (t.closeOnExec ??= []);
            switch (cmd) {
              case F.F_GETFD:
                return cloexec[fd] === true ? FD_CLOEXEC : 0;
              case F.F_SETFD:
                cloexec[fd] = (arg & FD_CLOEXEC) !== 0;
                return 0;
              case F.F_GETFL:
                return file.socket === null ? 2 : file.f.f_flags;
              case F.F_SETFL:
                if (file.socket === null) return h.kerr('EINVAL', 'F_SETFL on the terminal is not simulated');
                return h.kcall(
                  'setfl',
                  `fd=${fd}, 0x${(arg >>> 0).toString(16)}`,
                  () => (kset(h, file, 'f_flags', (file.f.f_flags & ~SETFL_MASK) | (arg & SETFL_MASK)), 0),
                  'fs/fcntl.c',
                );
              default:
                return h.kerr('EINVAL', `fcntl command ${cmd} is not F_GETFD, F_SETFD, F_GETFL or F_SETFL`);
            }
          },
          'fs/fcntl.c',
        );
      },
      'fs/fcntl.c',
    ),
  ) as number;
}
