// The VM's one door to the operating system. A C program's OS functions (write, read, socket,
// sleep, fork, …) reach the simulated kernel only through Host.syscall, which the task
// scheduler provides; core/lang itself knows nothing of the kernel.
//
// Protocol:
// - `syscall(name, args, mem)` performs the call named after its Linux system call (`write`,
//   `read`, `socket`, `connect`, `nanosleep`, `getpid`, `isatty`, …). `args` are the C
//   arguments as numbers (addresses are plain numbers into the program's memory, which `mem`
//   reads and writes with bounds checks).
// - It returns the kernel's result: a non-negative value, or `-errno` exactly as Linux returns
//   it (libc turns that into `errno` and -1).
// - Or it returns `{ block: token }`: the program cannot go on yet. The VM stops with
//   `{ k: 'block', token }`, its pc still on the call; when the scheduler runs it again after
//   the wake-up, the very same call is made again with the same arguments.

/** MemoryAccess lets the host read and write the program's memory, failing on bad addresses. */
export interface MemoryAccess {
  /** read copies `len` bytes at `addr`, or returns undefined if any byte is not readable (EFAULT). */
  read(addr: number, len: number): Uint8Array | undefined;
  /** write stores bytes at `addr`, returning false if any byte is not writable (EFAULT). */
  write(addr: number, bytes: Uint8Array): boolean;
  /** readCString reads a NUL-terminated string (at most `max` bytes), or undefined on a bad address. */
  readCString(addr: number, max?: number): string | undefined;
}

/** SyscallResult is a syscall's return value (or -errno), or a request to block. */
export type SyscallResult = number | { readonly block: unknown };

/** Host is what the VM needs from the world outside the program. */
export interface Host {
  syscall(name: string, args: readonly number[], mem: MemoryAccess): SyscallResult;
}
