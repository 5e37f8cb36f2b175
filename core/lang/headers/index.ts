// core/lang/headers holds the text of SockLab's C system headers (`#include <sys/socket.h>`
// and the rest): declarations, constants, macros and struct layouts with glibc's values on
// x86-64 Linux, so students' programs see what they would on a real machine. Core cannot read
// files at run time, so each header is a string in a TypeScript table; the preprocessor looks
// them up by name with `systemHeader`, and reports them as files under /usr/include. The
// values were measured with gcc (fixtures/gcc-layout.c → fixtures/gcc-layout.json) and the
// tests check every constant against that fixture.
import { BASE_HEADERS } from './base';
import { LIBC_HEADERS } from './libc';
import { POSIX_HEADERS } from './posix';
import { SOCKET_HEADERS } from './sockets';

/** SYSTEM_HEADER_DIR is the folder system headers appear to live in, in diagnostics and `__FILE__`. */
export const SYSTEM_HEADER_DIR = '/usr/include';

/** SYSTEM_HEADERS maps every system header name (as written between `<` and `>`) to its text. */
export const SYSTEM_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_HEADERS,
  ...LIBC_HEADERS,
  ...POSIX_HEADERS,
  ...SOCKET_HEADERS,
};

/** systemHeader returns the text of the system header `name` (e.g. `sys/socket.h`), or undefined if SockLab has none. */
export function systemHeader(name: string): string | undefined {
  return Object.hasOwn(SYSTEM_HEADERS, name) ? SYSTEM_HEADERS[name] : undefined;
}
