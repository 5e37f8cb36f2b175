#include <stdio.h>
int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }
typedef int (*binop)(int, int);
int apply(binop f, int x, int y) { return f(x, y); }
struct op { const char *name; binop fn; };
int main(void) {
    struct op ops[] = { { "add", add }, { "mul", mul } };
    for (int i = 0; i < 2; i++) printf("%s %d\n", ops[i].name, ops[i].fn(6, 7));
    binop f = mul;
    printf("%d %d\n", apply(add, 1, 2), (*f)(3, 4));
    printf("%d\n", f == mul);
    return 0;
}
