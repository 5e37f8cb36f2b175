// The C runtime's benchmark material for `npm run bench`: a CPU-bound C program (a sieve and a
// checksum loop over a 1 MiB buffer), the same algorithm in plain JavaScript for the ratio,
// and a generated 300-line program for compile time. The script measures; this stays pure.

/** vmBenchSource is the benchmark program; `scale` divides the work (1 = full size). */
export function vmBenchSource(scale = 1): string {
  const n = Math.floor(1_000_000 / scale);
  const buf = Math.floor((1 << 20) / scale);
  return `#include <stdio.h>
#include <stdlib.h>
char composite[${n + 1}];
int main(void) {
    int count = 0;
    for (int i = 2; i <= ${n}; i++) {
        if (composite[i]) continue;
        count++;
        for (int j = i + i; j <= ${n}; j += i) composite[j] = 1;
    }
    unsigned char *buf = malloc(${buf});
    for (int i = 0; i < ${buf}; i++) buf[i] = (unsigned char)(i * 7 + 3);
    unsigned sum = 0;
    for (int r = 0; r < 4; r++)
        for (int i = 0; i < ${buf}; i++) sum = (sum ^ buf[i]) * 16777619u + (sum >> 29);
    printf("%d %u\\n", count, sum);
    return 0;
}
`;
}

/** vmBenchJs is the same algorithm in plain JavaScript; it returns what the C program prints. */
export function vmBenchJs(scale = 1): string {
  const n = Math.floor(1_000_000 / scale);
  const size = Math.floor((1 << 20) / scale);
  const composite = new Uint8Array(n + 1);
  let count = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i + i; j <= n; j += i) composite[j] = 1;
  }
  const buf = new Uint8Array(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 7 + 3) & 0xff;
  let sum = 0;
  for (let r = 0; r < 4; r++)
    for (let i = 0; i < size; i++) sum = (Math.imul(sum ^ buf[i]!, 16777619) + (sum >>> 29)) >>> 0;
  return `${count} ${sum}\n`;
}

/** compileBenchSource is a generated program of about 300 lines for measuring compile time. */
export function compileBenchSource(): string {
  const lines = ['#include <stdio.h>', '#include <string.h>', 'struct item { int id; char name[16]; };'];
  let i = 0;
  while (lines.length < 290) {
    lines.push(
      `static int f${i}(int a, int b) {`,
      `    int t = a * ${i + 1} + b;`,
      '    for (int k = 0; k < b; k++) {',
      `        if (k % 3 == 0) t += k; else t -= ${i};`,
      '    }',
      '    struct item it = { .id = t };',
      '    snprintf(it.name, sizeof it.name, "f%d", t);',
      '    return t + (int)strlen(it.name);',
      '}',
    );
    i++;
  }
  lines.push('int main(void) {', '    long s = 0;');
  for (let j = 0; j < i; j += 4) lines.push(`    s += f${j}(${j}, 3);`);
  lines.push('    printf("%ld\\n", s);', '    return 0;', '}');
  return lines.join('\n') + '\n';
}
