// The message catalogue of SockLab's C parser, checker, compiler and linker: stable codes, the
// English template and the Simplified Chinese one. Codes are never renamed or reused.
import type { Catalogue } from './diagnostics/catalogue';

/** LangCode is a stable code of a parse, check, compile or link diagnostic. */
export type LangCode =
  | 'syntax-error'
  | 'expected-token'
  | 'unsupported'
  | 'undeclared'
  | 'undeclared-function'
  | 'redefinition'
  | 'conflicting-types'
  | 'incomplete-type'
  | 'not-constant'
  | 'no-member'
  | 'not-struct'
  | 'not-lvalue'
  | 'not-pointer'
  | 'invalid-operands'
  | 'incompatible'
  | 'arg-count'
  | 'not-callable'
  | 'bad-initializer'
  | 'excess-initializer'
  | 'bad-break'
  | 'bad-case'
  | 'duplicate-case'
  | 'undefined-label'
  | 'void-value'
  | 'return-value'
  | 'unknown-type'
  | 'undefined-reference'
  | 'repl-return'
  | 'repl-memory-full'
  | 'bitfield-type'
  | 'bitfield-width'
  | 'bitfield-address'
  | 'bitfield-sizeof'
  | 'warn-int-pointer'
  | 'warn-incompatible-pointer'
  | 'warn-return-missing'
  | 'warn-implicit-function';

const e = (en: string, zh: string) => ({ severity: 'error' as const, en, 'zh-CN': zh });
const w = (en: string, zh: string, option: string) => ({
  severity: 'warning' as const,
  en,
  'zh-CN': zh,
  option,
});

/** langMessages is the catalogue for codes of type LangCode. */
export const langMessages: Catalogue<LangCode> = {
  'syntax-error': e("expected expression or declaration before '{token}'", "'{token}' 之前应为表达式或声明"),
  'expected-token': e("expected '{token}'", "应为 '{token}'"),
  unsupported: e("not supported by SockLab's C: {construct}", 'SockLab 的 C 不支持：{construct}'),
  undeclared: e("'{name}' undeclared", "'{name}' 未声明"),
  'undeclared-function': e("implicit declaration of function '{name}'", "隐式声明函数 '{name}'"),
  redefinition: e("redefinition of '{name}'", "'{name}' 重定义"),
  'conflicting-types': e("conflicting types for '{name}'", "'{name}' 的类型冲突"),
  'incomplete-type': e("'{name}' has an incomplete type", "'{name}' 的类型不完整"),
  'not-constant': e('{what} is not constant', '{what} 不是常量'),
  'no-member': e("'{type}' has no member named '{name}'", "'{type}' 没有名为 '{name}' 的成员"),
  'not-struct': e(
    "request for member '{name}' in something not a structure or union",
    "在非结构或联合中请求成员 '{name}'",
  ),
  'not-lvalue': e('lvalue required as {what}', '{what} 需要左值'),
  'bitfield-type': e("bit-field '{name}' has invalid type", "位域 '{name}' 的类型无效"),
  'bitfield-width': e(
    "width {width} of bit-field '{name}' is out of range (1 to {max}; 0 only for an unnamed one)",
    "位域 '{name}' 的宽度 {width} 超出范围（1 到 {max}；0 只能用于无名位域）",
  ),
  'bitfield-address': e("cannot take address of bit-field '{name}'", "不能取位域 '{name}' 的地址"),
  'bitfield-sizeof': e("'sizeof' applied to a bit-field", "对位域使用了 'sizeof'"),
  'not-pointer': e(
    "invalid type argument of '{op}' (have '{type}')",
    "'{op}' 的类型参数无效（类型为 '{type}'）",
  ),
  'invalid-operands': e(
    "invalid operands to binary {op} (have '{l}' and '{r}')",
    "二元 {op} 的操作数无效（'{l}' 和 '{r}'）",
  ),
  incompatible: e(
    "incompatible types when {what} type '{to}' from type '{from}'",
    "{what}时类型不兼容：'{from}' 到 '{to}'",
  ),
  'arg-count': e("too {few} arguments to function '{name}'", "函数 '{name}' 的参数太{few}"),
  'not-callable': e('called object is not a function or function pointer', '被调用的对象不是函数或函数指针'),
  'bad-initializer': e('invalid initializer', '无效的初始化器'),
  'excess-initializer': e('excess elements in {what} initializer', '{what} 初始化器中的元素过多'),
  'bad-break': e("'{what}' statement not in loop or switch statement", "'{what}' 语句不在循环或 switch 中"),
  'bad-case': e("'{what}' label not within a switch statement", "'{what}' 标签不在 switch 语句中"),
  'duplicate-case': e('duplicate case value', '重复的 case 值'),
  'undefined-label': e("label '{name}' used but not defined", "使用了未定义的标签 '{name}'"),
  'void-value': e('void value not ignored as it ought to be', 'void 值未被忽略'),
  'return-value': e(
    "'return' with {what} value, in function returning {type}",
    "在返回 {type} 的函数中 'return' 带{what}值",
  ),
  'unknown-type': e("unknown type name '{name}'", "未知的类型名 '{name}'"),
  'undefined-reference': e("undefined reference to '{name}'", "对 '{name}' 未定义的引用"),
  'repl-return': e(
    "'return' outside a function: each REPL line runs on its own (exit(N) ends the REPL)",
    "'return' 不在函数中：REPL 的每一行单独运行（用 exit(N) 结束 REPL）",
  ),
  'repl-memory-full': e(
    "the REPL's memory for globals and literals is full",
    'REPL 用于全局变量和字面量的内存已满',
  ),
  'warn-int-pointer': w(
    '{what} makes {to} from {from} without a cast',
    '{what}：未经转换从 {from} 生成 {to}',
    '-Wint-conversion',
  ),
  'warn-incompatible-pointer': w(
    '{what} from incompatible pointer type{detail}',
    '{what}：来自不兼容的指针类型{detail}',
    '-Wincompatible-pointer-types',
  ),
  'warn-return-missing': w(
    'control reaches end of non-void function',
    '控制流到达非 void 函数的末尾',
    '-Wreturn-type',
  ),
  'warn-implicit-function': w(
    "implicit declaration of function '{name}'",
    "隐式声明函数 '{name}'",
    '-Wimplicit-function-declaration',
  ),
};
