// The macros SockLab's C predefines, as gcc does on x86-64 Linux for `-std=gnu99` minus the
// GNU identity: `__GNUC__` is deliberately NOT defined, because code that tests it then uses
// gcc extensions (`__attribute__`, statement expressions, `typeof`) that SockLab's C refuses.
// `__FILE__` and `__LINE__` are computed where they are used; `__DATE__` and `__TIME__` are
// fixed (SockLab reads no real clock) and documented as such.
import { macroFromText } from './define';
import type { Macro } from './macro';

/** PREDEFINED_MACROS lists each predefined object-like macro and its replacement text. */
export const PREDEFINED_MACROS: Readonly<Record<string, string>> = {
  __STDC__: '1',
  __STDC_VERSION__: '199901L',
  __STDC_HOSTED__: '1',
  __STDC_UTF_16__: '1',
  __STDC_UTF_32__: '1',
  __SOCKLAB__: '1',
  __x86_64__: '1',
  __x86_64: '1',
  __amd64__: '1',
  __amd64: '1',
  __linux__: '1',
  __linux: '1',
  __gnu_linux__: '1',
  __unix__: '1',
  __unix: '1',
  __ELF__: '1',
  __LP64__: '1',
  _LP64: '1',
  __CHAR_BIT__: '8',
  __SIZEOF_SHORT__: '2',
  __SIZEOF_INT__: '4',
  __SIZEOF_LONG__: '8',
  __SIZEOF_LONG_LONG__: '8',
  __SIZEOF_POINTER__: '8',
  __SIZEOF_SIZE_T__: '8',
  __SIZEOF_FLOAT__: '4',
  __SIZEOF_DOUBLE__: '8',
  __ORDER_LITTLE_ENDIAN__: '1234',
  __ORDER_BIG_ENDIAN__: '4321',
  __BYTE_ORDER__: '__ORDER_LITTLE_ENDIAN__',
  __SCHAR_MAX__: '0x7f',
  __SHRT_MAX__: '0x7fff',
  __INT_MAX__: '0x7fffffff',
  __LONG_MAX__: '0x7fffffffffffffffL',
  __LONG_LONG_MAX__: '0x7fffffffffffffffLL',
  __DATE__: '"Jan  1 1970"',
  __TIME__: '"00:00:00"',
};

/** DYNAMIC_MACROS are the predefined macros whose value depends on where they are expanded. */
export const DYNAMIC_MACROS = ['__FILE__', '__LINE__'] as const;

/** predefinedMacros builds the macro records every run starts with. */
export function predefinedMacros(): Macro[] {
  const macros = Object.entries(PREDEFINED_MACROS).flatMap(
    ([name, value]) => macroFromText('<built-in>', name, value) ?? [],
  );
  for (const name of DYNAMIC_MACROS) {
    macros.push({
      name,
      params: null,
      variadic: false,
      body: [],
      file: '<built-in>',
      line: 0,
      dynamic: name,
    });
  }
  return macros;
}
