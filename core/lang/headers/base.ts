// System headers with the basic types: the shared `bits/socklab-types.h` every other header
// includes, and stddef.h, stdint.h, stdbool.h, limits.h, stdarg.h, sys/types.h. Values and
// layouts are glibc's on x86-64 Linux (LP64), written for SockLab from the measurements in
// fixtures/gcc-layout.json, not copied from glibc.

/** BASE_HEADERS maps header names to their text for the basic-type headers. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'bits/socklab-types.h': String.raw`#ifndef _SOCKLAB_BITS_TYPES_H
#define _SOCKLAB_BITS_TYPES_H
/* The typedefs shared by SockLab's system headers, each declared once (C99 forbids repeats). */
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef int wchar_t;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
typedef long intmax_t;
typedef unsigned long uintmax_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long off_t;
typedef long time_t;
typedef long suseconds_t;
typedef long clock_t;
typedef int clockid_t;
typedef int sig_atomic_t;
/* sigset_t: 1024 signal bits, as glibc sizes it. */
typedef struct { unsigned long __val[16]; } sigset_t;
struct timeval { time_t tv_sec; suseconds_t tv_usec; };
struct timespec { time_t tv_sec; long tv_nsec; };
struct iovec { void *iov_base; size_t iov_len; };
#ifndef NULL
#define NULL ((void *)0)
#endif
#endif
`,
  'stddef.h': String.raw`#ifndef _STDDEF_H
#define _STDDEF_H
#include <bits/socklab-types.h>
#define offsetof(type, member) ((size_t)&((type *)0)->member)
#endif
`,
  'stdint.h': String.raw`#ifndef _STDINT_H
#define _STDINT_H
#include <bits/socklab-types.h>
#define INT8_MIN (-128)
#define INT16_MIN (-32767 - 1)
#define INT32_MIN (-2147483647 - 1)
#define INT64_MIN (-9223372036854775807L - 1)
#define INT8_MAX 127
#define INT16_MAX 32767
#define INT32_MAX 2147483647
#define INT64_MAX 9223372036854775807L
#define UINT8_MAX 255
#define UINT16_MAX 65535
#define UINT32_MAX 4294967295U
#define UINT64_MAX 18446744073709551615UL
#define INTPTR_MIN (-9223372036854775807L - 1)
#define INTPTR_MAX 9223372036854775807L
#define UINTPTR_MAX 18446744073709551615UL
#define INTMAX_MIN (-9223372036854775807L - 1)
#define INTMAX_MAX 9223372036854775807L
#define UINTMAX_MAX 18446744073709551615UL
#define PTRDIFF_MIN (-9223372036854775807L - 1)
#define PTRDIFF_MAX 9223372036854775807L
#define SIZE_MAX 18446744073709551615UL
#define INT8_C(c) c
#define INT16_C(c) c
#define INT32_C(c) c
#define INT64_C(c) c ## L
#define UINT8_C(c) c
#define UINT16_C(c) c
#define UINT32_C(c) c ## U
#define UINT64_C(c) c ## UL
#endif
`,
  'inttypes.h': String.raw`#ifndef _INTTYPES_H
#define _INTTYPES_H
#include <stdint.h>
#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 "ld"
#define PRIi32 "i"
#define PRIi64 "li"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 "lu"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 "lx"
#define PRIX32 "X"
#define PRIX64 "lX"
#define PRIdMAX "ld"
#define PRIuMAX "lu"
#endif
`,
  'stdbool.h': String.raw`#ifndef _STDBOOL_H
#define _STDBOOL_H
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif
`,
  'limits.h': String.raw`#ifndef _LIMITS_H
#define _LIMITS_H
#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MAX 9223372036854775807L
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MAX 9223372036854775807LL
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX 18446744073709551615ULL
#define SSIZE_MAX LONG_MAX
#define PATH_MAX 4096
#define HOST_NAME_MAX 64
#define IOV_MAX 1024
#endif
`,
  'stdarg.h': String.raw`#ifndef _STDARG_H
#define _STDARG_H
/* va_list is the compiler's own type, as with gcc: SockLab's compiler knows __builtin_va_list
   and the __builtin_va_* operations. */
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) (*(type *)__builtin_va_arg_ptr(ap, sizeof(type)))
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(dest, src) __builtin_va_copy(dest, src)
#endif
`,
  'sys/types.h': String.raw`#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H
#include <bits/socklab-types.h>
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
#endif
`,
};
