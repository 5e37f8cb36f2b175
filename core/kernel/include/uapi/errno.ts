// The one errno table (include/uapi/asm-generic/errno-base.h and errno.h; the values x86-64
// Linux uses, all three eras). Kernel functions return -errno exactly as Linux does; names
// and strerror texts (glibc's wording) come only from here.

/** ERRNO_TABLE lists each errno as [name, value, strerror text], one row per errno. */
// prettier-ignore
export const ERRNO_TABLE = [
  ['EPERM', 1, 'Operation not permitted'], // raw socket without CAP_NET_RAW
  ['ENOENT', 2, 'No such file or directory'],
  ['EINTR', 4, 'Interrupted system call'], // signal while blocked
  ['EIO', 5, 'Input/output error'],
  ['EBADF', 9, 'Bad file descriptor'], // bad fd
  ['EAGAIN', 11, 'Resource temporarily unavailable'], // would block; EWOULDBLOCK is the same
  ['ENOMEM', 12, 'Cannot allocate memory'], // 6.x: sk_alloc failed
  ['EACCES', 13, 'Permission denied'], // ping socket gid outside ping_group_range
  ['EFAULT', 14, 'Bad address'], // bad user buffer
  ['EBUSY', 16, 'Device or resource busy'],
  ['EEXIST', 17, 'File exists'],
  ['EINVAL', 22, 'Invalid argument'],
  ['ENFILE', 23, 'Too many open files in system'],
  ['EMFILE', 24, 'Too many open files'], // fd table full
  ['EPIPE', 32, 'Broken pipe'], // send after shutdown or error
  ['EDOM', 33, 'Numerical argument out of domain'], // SO_RCVTIMEO with tv_usec out of range
  ['ENOTSOCK', 88, 'Socket operation on non-socket'],
  ['EDESTADDRREQ', 89, 'Destination address required'],
  ['EMSGSIZE', 90, 'Message too long'],
  ['EPROTOTYPE', 91, 'Protocol wrong type for socket'],
  ['ENOPROTOOPT', 92, 'Protocol not available'],
  ['EPROTONOSUPPORT', 93, 'Protocol not supported'], // inetsw list has no protocol match
  ['ESOCKTNOSUPPORT', 94, 'Socket type not supported'], // inetsw list for the type is empty
  ['EOPNOTSUPP', 95, 'Operation not supported'], // ENOTSUP is the same
  ['EPFNOSUPPORT', 96, 'Protocol family not supported'],
  ['EAFNOSUPPORT', 97, 'Address family not supported by protocol'],
  ['EADDRINUSE', 98, 'Address already in use'],
  ['EADDRNOTAVAIL', 99, 'Cannot assign requested address'],
  ['ENETDOWN', 100, 'Network is down'],
  ['ENETUNREACH', 101, 'Network is unreachable'],
  ['ENETRESET', 102, 'Network dropped connection on reset'],
  ['ECONNABORTED', 103, 'Software caused connection abort'],
  ['ECONNRESET', 104, 'Connection reset by peer'],
  ['ENOBUFS', 105, 'No buffer space available'],
  ['EISCONN', 106, 'Transport endpoint is already connected'],
  ['ENOTCONN', 107, 'Transport endpoint is not connected'],
  ['ESHUTDOWN', 108, 'Cannot send after transport endpoint shutdown'],
  ['ETIMEDOUT', 110, 'Connection timed out'],
  ['ECONNREFUSED', 111, 'Connection refused'],
  ['EHOSTDOWN', 112, 'Host is down'],
  ['EHOSTUNREACH', 113, 'No route to host'],
  ['EALREADY', 114, 'Operation already in progress'],
  ['EINPROGRESS', 115, 'Operation now in progress'],
] as const;

/** ErrnoName is the name of one errno in ERRNO_TABLE. */
export type ErrnoName = (typeof ERRNO_TABLE)[number][0];

/** errno maps each errno name to its positive x86-64 value (errno.EPERM === 1). */
export const errno = Object.fromEntries(ERRNO_TABLE.map(([n, v]) => [n, v])) as {
  readonly [K in ErrnoName]: number;
};

const BY_VALUE = new Map<number, (typeof ERRNO_TABLE)[number]>(ERRNO_TABLE.map((r) => [r[1], r]));

/** errnoName returns the name of a positive or negative errno value ('EBADF' for 9 or -9). */
export function errnoName(value: number): string {
  return BY_VALUE.get(Math.abs(value))?.[0] ?? `E${Math.abs(value)}`;
}

/** strerror returns the message text of a positive or negative errno value. */
export function strerror(value: number): string {
  return BY_VALUE.get(Math.abs(value))?.[2] ?? `Unknown error ${Math.abs(value)}`;
}
