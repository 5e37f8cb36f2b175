// The compiled program: bytecode with a line table parallel to it, the float pool, function
// entries, the names of the libc built-ins it calls, and the initial images of the read-only
// and static data segments. All plain data.
import { OP_BY_CODE } from './opcodes';

/** FuncInfo is one compiled function. */
export interface FuncInfo {
  readonly name: string;
  readonly entry: number;
  readonly line: number;
}

/** Chunk is a compiled C program. */
export interface Chunk {
  readonly code: Int32Array;
  /** lines[pc] is the source line of the instruction word at pc (0 = no line). */
  readonly lines: Int32Array;
  readonly floats: Float64Array;
  readonly funcs: readonly FuncInfo[];
  /** builtins[n] is the libc name CALLB n calls. */
  readonly builtins: readonly string[];
  readonly rodata: Uint8Array;
  readonly rodataBase: number;
  readonly data: Uint8Array;
  readonly dataBase: number;
  readonly heapBase: number;
  /** The file the line table refers to. */
  readonly file: string;
}

/** disassemble prints a chunk one instruction a line: pc, source line, name and operands. */
export function disassemble(chunk: Chunk, from = 0, to = chunk.code.length): string {
  const out: string[] = [];
  const entries = new Map(chunk.funcs.map((f) => [f.entry, f.name]));
  let pc = from;
  while (pc < to) {
    const name = entries.get(pc);
    if (name !== undefined) out.push(`${name}:`);
    const row = OP_BY_CODE.get(chunk.code[pc]!);
    if (row === undefined) {
      out.push(`${String(pc).padStart(5, '0')}  ??? ${chunk.code[pc]}`);
      pc++;
      continue;
    }
    const args: string[] = [];
    for (let i = 1; i <= row[2]; i++) args.push(String(chunk.code[pc + i]));
    if (row[1] === 'CALL') args[0] = chunk.funcs[chunk.code[pc + 1]!]?.name ?? args[0]!;
    if (row[1] === 'CALLB') args[0] = chunk.builtins[chunk.code[pc + 1]!] ?? args[0]!;
    if (row[1] === 'CONST_F') args[0] = String(chunk.floats[chunk.code[pc + 1]!]);
    const line = chunk.lines[pc]!;
    out.push(
      `${String(pc).padStart(5, '0')} ${line === 0 ? '   |' : String(line).padStart(4)} ${row[1]}${args.length > 0 ? ' ' + args.join(' ') : ''}`,
    );
    pc += 1 + row[2];
  }
  return out.join('\n');
}
