// The preprocessor's message catalogue: stable codes (never renamed or reused) with gcc 12's
// English wording where gcc has one, and Simplified Chinese text for the same codes.
import type { Catalogue } from '../diagnostics';

/** PREPROCESS_MESSAGES is the preprocessor's catalogue, one row per code. */
export const PREPROCESS_MESSAGES = {
  'pp-error-directive': { severity: 'error', en: '#error {text}', 'zh-CN': '#error {text}' },
  'pp-warning-directive': {
    severity: 'warning',
    en: '#warning {text}',
    'zh-CN': '#warning {text}',
    option: '-Wcpp',
  },
  'pp-include-not-found': {
    severity: 'error',
    en: '{name}: No such file or directory',
    'zh-CN': '{name}：没有那个文件或目录',
  },
  'pp-include-expects-name': {
    severity: 'error',
    en: '#include expects "FILENAME" or <FILENAME>',
    'zh-CN': '#include 需要 "FILENAME" 或 <FILENAME>',
  },
  'pp-include-too-deep': {
    severity: 'error',
    en: '#include nested depth {depth} exceeds maximum of {max}',
    'zh-CN': '#include 嵌套深度 {depth} 超过最大值 {max}',
  },
  'pp-invalid-directive': {
    severity: 'error',
    en: 'invalid preprocessing directive #{name}',
    'zh-CN': '无效的预处理指令 #{name}',
  },
  'pp-unterminated-conditional': {
    severity: 'error',
    en: 'unterminated #{directive}',
    'zh-CN': '未终止的 #{directive}',
  },
  'pp-conditional-began-here': {
    severity: 'error',
    en: 'the conditional began here',
    'zh-CN': '条件从此处开始',
  },
  'pp-without-if': {
    severity: 'error',
    en: '#{directive} without #if',
    'zh-CN': '#{directive} 没有对应的 #if',
  },
  'pp-after-else': {
    severity: 'error',
    en: '#{directive} after #else',
    'zh-CN': '#else 之后出现 #{directive}',
  },
  'pp-no-macro-name': {
    severity: 'error',
    en: 'no macro name given in #{directive} directive',
    'zh-CN': '#{directive} 指令中未给出宏名',
  },
  'pp-macro-name-not-identifier': {
    severity: 'error',
    en: 'macro names must be identifiers',
    'zh-CN': '宏名必须是标识符',
  },
  'pp-defined-as-macro-name': {
    severity: 'error',
    en: '"defined" cannot be used as a macro name',
    'zh-CN': '“defined”不能用作宏名',
  },
  'pp-extra-tokens': {
    severity: 'warning',
    en: 'extra tokens at end of #{directive} directive',
    'zh-CN': '#{directive} 指令的末尾有多余的记号',
  },
  'pp-macro-redefined': { severity: 'warning', en: '"{name}" redefined', 'zh-CN': '“{name}”被重定义' },
  'pp-previous-definition': {
    severity: 'note',
    en: 'this is the location of the previous definition',
    'zh-CN': '这是先前定义的位置',
  },
  'pp-undefining-builtin': { severity: 'warning', en: 'undefining "{name}"', 'zh-CN': '取消定义“{name}”' },
  'pp-duplicate-parameter': {
    severity: 'error',
    en: 'duplicate macro parameter "{name}"',
    'zh-CN': '重复的宏形参“{name}”',
  },
  'pp-bad-parameter-list': {
    severity: 'error',
    en: "expected ')' before end of line",
    'zh-CN': '在行尾之前需要 ‘)’',
  },
  'pp-bad-parameter': {
    severity: 'error',
    en: 'expected parameter name, found "{token}"',
    'zh-CN': '需要形参名，却找到“{token}”',
  },
  'pp-va-args-outside-variadic': {
    severity: 'warning',
    en: '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro',
    'zh-CN': '__VA_ARGS__ 只能出现在 C99 可变参数宏的展开中',
  },
  'pp-stringify-not-parameter': {
    severity: 'error',
    en: "'#' is not followed by a macro parameter",
    'zh-CN': '‘#’后面不是宏形参',
  },
  'pp-paste-at-edge': {
    severity: 'error',
    en: "'##' cannot appear at either end of a macro expansion",
    'zh-CN': '‘##’不能出现在宏展开的两端',
  },
  'pp-paste-invalid': {
    severity: 'error',
    en: 'pasting "{left}" and "{right}" does not give a valid preprocessing token',
    'zh-CN': '粘贴“{left}”和“{right}”不能得到有效的预处理记号',
  },
  'pp-too-many-arguments': {
    severity: 'error',
    en: 'macro "{name}" passed {given} arguments, but takes just {takes}',
    'zh-CN': '宏“{name}”传递了 {given} 个参数，但只接受 {takes} 个',
  },
  'pp-too-few-arguments': {
    severity: 'error',
    en: 'macro "{name}" requires {takes} arguments, but only {given} given',
    'zh-CN': '宏“{name}”需要 {takes} 个参数，但只给出了 {given} 个',
  },
  'pp-macro-defined-here': {
    severity: 'note',
    en: 'macro "{name}" defined here',
    'zh-CN': '宏“{name}”在此处定义',
  },
  'pp-unterminated-arguments': {
    severity: 'error',
    en: 'unterminated argument list invoking macro "{name}"',
    'zh-CN': '调用宏“{name}”的参数列表未终止',
  },
  'pp-expansion-limit': {
    severity: 'error',
    en: "macro expansion exceeds SockLab's limit of {limit} tokens",
    'zh-CN': '宏展开超出 SockLab 的 {limit} 个记号上限',
  },
  'pp-too-deep': {
    severity: 'error',
    en: "nesting exceeds SockLab's limit of {limit} levels",
    'zh-CN': '嵌套层数超出 SockLab 的 {limit} 层上限',
  },
  'pp-too-complex': {
    severity: 'error',
    en: "program too large or too deeply nested for SockLab's preprocessor",
    'zh-CN': '程序过大或嵌套过深，超出 SockLab 预处理器的能力',
  },
  'pp-unterminated-comment': { severity: 'error', en: 'unterminated comment', 'zh-CN': '未终止的注释' },
  'pp-missing-terminator': {
    severity: 'error',
    en: 'missing terminating {quote} character',
    'zh-CN': '缺少结尾的 {quote} 字符',
  },
  'pp-if-no-expression': {
    severity: 'error',
    en: '#{directive} with no expression',
    'zh-CN': '#{directive} 后没有表达式',
  },
  'pp-if-division-by-zero': { severity: 'error', en: 'division by zero in #if', 'zh-CN': '#if 中被零除' },
  'pp-if-missing-operator': {
    severity: 'error',
    en: 'missing binary operator before token "{token}"',
    'zh-CN': '记号“{token}”前缺少二元运算符',
  },
  'pp-if-no-right-operand': {
    severity: 'error',
    en: "operator '{op}' has no right operand",
    'zh-CN': '运算符‘{op}’没有右操作数',
  },
  'pp-if-no-left-operand': {
    severity: 'error',
    en: "operator '{op}' has no left operand",
    'zh-CN': '运算符‘{op}’没有左操作数',
  },
  'pp-if-missing-paren': { severity: 'error', en: "missing ')' in expression", 'zh-CN': '表达式中缺少‘)’' },
  'pp-if-missing-open-paren': {
    severity: 'error',
    en: "missing '(' in expression",
    'zh-CN': '表达式中缺少‘(’',
  },
  'pp-if-empty-parens': {
    severity: 'error',
    en: "missing expression between '(' and ')'",
    'zh-CN': '‘(’与‘)’之间缺少表达式',
  },
  'pp-if-missing-colon': { severity: 'error', en: "'?' without following ':'", 'zh-CN': '‘?’后没有‘:’' },
  'pp-if-invalid-token': {
    severity: 'error',
    en: 'token "{token}" is not valid in preprocessor expressions',
    'zh-CN': '记号“{token}”在预处理表达式中无效',
  },
  'pp-if-float': {
    severity: 'error',
    en: 'floating constant in preprocessor expression',
    'zh-CN': '预处理表达式中出现浮点常量',
  },
  'pp-if-bad-suffix': {
    severity: 'error',
    en: 'invalid suffix "{suffix}" on integer constant',
    'zh-CN': '整数常量的后缀“{suffix}”无效',
  },
  'pp-if-too-large': {
    severity: 'warning',
    en: 'integer constant is too large for its type',
    'zh-CN': '整数常量超出其类型范围',
  },
  'pp-defined-needs-identifier': {
    severity: 'error',
    en: 'operator "defined" requires an identifier',
    'zh-CN': '运算符“defined”需要一个标识符',
  },
  'pp-defined-missing-paren': {
    severity: 'error',
    en: 'missing \')\' after "defined"',
    'zh-CN': '“defined”后缺少‘)’',
  },
  'pp-line-not-positive': {
    severity: 'error',
    en: '"{token}" after #line is not a positive integer',
    'zh-CN': '#line 后的“{token}”不是正整数',
  },
  'pp-line-bad-file': {
    severity: 'error',
    en: 'invalid filename "{token}"',
    'zh-CN': '无效的文件名“{token}”',
  },
} as const satisfies Catalogue;

/** PreprocessCode is one code of the preprocessor's catalogue. */
export type PreprocessCode = keyof typeof PREPROCESS_MESSAGES;
