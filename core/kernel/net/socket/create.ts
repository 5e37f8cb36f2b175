// net/socket.c, creation: the socket() system call down to the family's create function, and the
// fd mapping back up (reference §1.1, §1.6). The syscall entry chain and sock_map_fd's
// call tree come from the profile, so 2.6.32, 3.10 and 6.x trace their own function names.

import type { Host } from '../../host/host';
import { kalloc, kfree, kset } from '../../host/kstruct';
import { newWaitQueue } from '../../host/wait';
import { SOCKET_ALLOC_SIZE, SOCKET_ZERO, type Socket } from '../../include/linux/net';
import {
  O_CLOEXEC,
  O_NONBLOCK,
  O_RDWR,
  PF_INET,
  PF_PACKET,
  SOCK_MAX,
  SOCK_NONBLOCK,
  SOCK_PACKET,
  SOCK_TYPE_MASK,
} from '../../include/uapi/socket';
import { walkCallTree } from '../../host/calltree';
import { FILE_ZERO, lowestFreeFd, type KFile, type Task } from '../../sched/task';
import { inet_create, inet_release } from '../ipv4/af_inet';
import './wait';

/** FIRST_INO is the first inode number get_next_ino gives out on a host (a booted system has used many). */
const FIRST_INO = 20001;

/** lastIno is each host's last get_next_ino value. */
const lastIno = new WeakMap<Host, number>();

/** sock_alloc allocates a sockfs inode owned by uid with its struct socket and wait queue (net/socket.c). */
export function sock_alloc(h: Host, uid: number): Socket {
  return h.kcall('sock_alloc', '', () => {
    const obj = kalloc(h, 'socket', SOCKET_ALLOC_SIZE, SOCKET_ZERO);
    const ino = (lastIno.get(h) ?? FIRST_INO - 1) + 1;
    lastIno.set(h, ino);
    const links = { sk: null, file: null, wait: newWaitQueue(obj.addr), ino, uid };
    const sock = Object.assign(obj, links) as Socket;
    kset(h, sock, 'wq', sock.addr);
    return sock;
  });
}

/** sock_release runs ops->release (if ops are set) and frees the socket (net/socket.c). */
export function sock_release(h: Host, sock: Socket): void {
  h.kcall('sock_release', `sock=${sock.addr}`, () => {
    if (sock.f.ops !== null) inet_release(h, sock);
    kset(h, sock, 'ops', null);
    kfree(h, sock);
  });
}

/** __sock_create checks family and type, allocates the socket and calls the family's create (net/socket.c). */
export function __sock_create(
  h: Host,
  task: Task,
  familyIn: number,
  type: number,
  protocol: number,
  kern: number,
): Socket | number {
  return h.kcall(
    '__sock_create',
    `net, family=${familyIn}, type=${type}, protocol=${protocol}, kern=${kern}`,
    () => {
      let family = familyIn;
      if (family < 0 || family >= h.profile.NPROTO) {
        return h.kerr('EAFNOSUPPORT', `family ${family} is outside 0..NPROTO-1 (${h.profile.NPROTO - 1})`);
      }
      if (type < 0 || type >= SOCK_MAX) return h.kerr('EINVAL', `type ${type} is outside 0..SOCK_MAX-1 (10)`);
      if (family === PF_INET && type === SOCK_PACKET) family = PF_PACKET;
      h.kcall(
        'security_socket_create',
        `family=${family}, type=${type}, protocol=${protocol}, kern=${kern}`,
        () => 0,
        'security/security.c',
      );
      const sock = sock_alloc(h, task.uid);
      kset(h, sock, 'type', type);
      if (!h.netFamilies.has(family)) {
        h.kcall('request_module', `"net-pf-${family}"`, () => undefined, 'kernel/kmod.c');
      }
      if (!h.netFamilies.has(family)) {
        sock_release(h, sock);
        return h.kerr('EAFNOSUPPORT', `net_families[${family}] is not registered`);
      }
      const err = inet_create(h, task, sock, protocol, kern);
      if (err < 0) {
        kset(h, sock, 'ops', null);
        const saved = h.lastErr;
        sock_release(h, sock);
        h.lastErr = saved;
        return err;
      }
      h.kcall('security_socket_post_create', `sock=${sock.addr}`, () => 0, 'security/security.c');
      return sock;
    },
  );
}

/** sock_create creates a user socket in the current netns (net/socket.c). */
export function sock_create(
  h: Host,
  task: Task,
  family: number,
  type: number,
  protocol: number,
): Socket | number {
  return h.kcall('sock_create', `family=${family}, type=${type}, protocol=${protocol}`, () =>
    __sock_create(h, task, family, type, protocol, 0),
  );
}

/** sock_map_fd gives sock a struct file and an fd as the profile's call tree does (net/socket.c). */
export function sock_map_fd(h: Host, task: Task, sock: Socket, flags: number): number {
  return h.kcall('sock_map_fd', `sock=${sock.addr}, flags=0x${flags.toString(16)}`, () => {
    let fd = -1;
    let file: KFile | null = null;
    const actions: Readonly<Record<string, () => number>> = {
      get_unused_fd_flags: () => {
        fd = lowestFreeFd(task);
        return fd < 0 ? h.kerr('EMFILE', `all ${task.nofile} fds (RLIMIT_NOFILE) are in use`) : fd;
      },
      get_empty_filp: () => ((file = allocFile(h, sock)), 0),
      alloc_file_pseudo: () => ((file = allocFile(h, sock)), 0),
      sock_alloc_file: () => ((file ??= allocFile(h, sock)), initFile(h, file, sock, flags), 0),
      sock_attach_fd: () => (initFile(h, file!, sock, flags), 0),
      fd_install: () => {
        task.fds[fd] = file;
        (task.closeOnExec ??= [])[fd] = (flags & O_CLOEXEC) !== 0;
        return 0;
      },
    };
    const err = walkCallTree(h, h.profile.sockMapFd, actions, (n) => (n === 'fd_install' ? `fd=${fd}` : ''));
    if (err < 0) {
      if (file !== null) kfree(h, file);
      return err;
    }
    return fd;
  });
}

/** allocFile allocates a zeroed struct file for sock. */
function allocFile(h: Host, sock: Socket): KFile {
  return Object.assign(kalloc(h, 'file', 256, FILE_ZERO), { socket: sock }) as KFile;
}

/** initFile fills a socket file: socket_file_ops, O_RDWR plus O_NONBLOCK, private_data, the dentry name. */
function initFile(h: Host, file: KFile, sock: Socket, flags: number): void {
  kset(h, file, 'f_op', 'socket_file_ops');
  kset(h, file, 'f_flags', O_RDWR | (flags & O_NONBLOCK));
  kset(h, file, 'f_mode', 3);
  kset(h, file, 'private_data', sock.addr);
  kset(h, file, 'f_count', 1);
  if (h.profile.version !== '2.6.32')
    kset(h, file, 'dentry', h.profile.protos[sock.sk?.protoName ?? '']?.['name'] ?? '');
  kset(h, sock, 'file', file.addr);
  sock.file = file;
}

/** sys_socket is the socket(2) system call: flag split, sock_create, sock_map_fd (net/socket.c). */
export function sys_socket(h: Host, task: Task, family: number, typeIn: number, protocol: number): number {
  const entry = h.profile.socketEntry;
  const args = `${family}, ${typeIn}, ${protocol}`;
  const flags = typeIn & ~SOCK_TYPE_MASK;
  /** create is the flag split and sock_create: sys_socket's first half, or 6.x's __sys_socket_create. */
  const create = (): Socket | number => {
    if ((flags & ~(O_CLOEXEC | SOCK_NONBLOCK)) !== 0) {
      return h.kerr('EINVAL', `type flags 0x${flags.toString(16)} other than SOCK_NONBLOCK|SOCK_CLOEXEC`);
    }
    const type = typeIn & SOCK_TYPE_MASK;
    let proto = protocol;
    if (entry.includes('update_socket_protocol')) {
      proto = h.kcall('update_socket_protocol', `${family}, ${type}, ${protocol}`, () => protocol);
    }
    return sock_create(h, task, family, type, proto);
  };
  /** mapFd is the second half: sock_map_fd, releasing the socket when no fd is left. */
  const mapFd = (sock: Socket): number => {
    const fd = sock_map_fd(h, task, sock, flags & (O_CLOEXEC | O_NONBLOCK));
    if (fd < 0) {
      const saved = h.lastErr;
      sock_release(h, sock);
      h.lastErr = saved;
    }
    return fd;
  };
  return h.kcall(entry[0]!, args, () => {
    const sock = entry.length === 1 ? create() : h.kcall(entry[1]!, args, create);
    return typeof sock === 'number' ? sock : mapFd(sock);
  });
}
