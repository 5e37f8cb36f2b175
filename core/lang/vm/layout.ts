// The address-space layout of a SockLab C program, fixed so the compiler can place string
// literals, globals and function addresses before the program runs:
//   0x00000000 .. 0x0000ffff  unmapped (NULL page; function addresses live here, not readable)
//   0x00010000 ..             static data, then read-only literals, then the heap
//   top - stackSize .. top    the stack, growing down; a guard below it and above it
/** NULL_END is the first mapped address; everything below faults. */
export const NULL_END = 0x10000;
/** FUNC_BASE is the address of user function 0; function n is FUNC_BASE + n. */
export const FUNC_BASE = 0x1000;
/** BUILTIN_BASE is the address of libc built-in 0. */
export const BUILTIN_BASE = 0x8000;
/** DATA_BASE is where globals and static locals start (read-only literals follow them). */
export const DATA_BASE = 0x10000;
/** PAGE is the granularity segments are aligned to. */
export const PAGE = 0x1000;
/** DEFAULT_MEMORY is the default size of a program's memory in bytes. */
export const DEFAULT_MEMORY = 8 * 1024 * 1024;
/** DEFAULT_STACK is the default stack size in bytes. */
export const DEFAULT_STACK = 1024 * 1024;
/** GUARD is the unmapped gap at the top of memory and between heap and stack. */
export const GUARD = 0x1000;

/** pageUp rounds an address up to the next page boundary. */
export const pageUp = (n: number): number => Math.ceil(n / PAGE) * PAGE;
