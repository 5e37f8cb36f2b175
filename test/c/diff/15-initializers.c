#include <stdio.h>
struct p { int a, b, c; };
struct s { int n; int arr[3]; struct p inner; };
int main(void) {
    int a[5] = { [2] = 5, [4] = 9 };
    for (int i = 0; i < 5; i++) printf("%d ", a[i]);
    printf("\n");
    struct p p = { .c = 3, .a = 1 };
    printf("%d %d %d\n", p.a, p.b, p.c);
    struct s s = { 1, { 2, 3, 4 }, { 5, 6, 7 } };
    printf("%d %d %d %d\n", s.n, s.arr[2], s.inner.a, s.inner.c);
    struct s t = { 1, 2, 3, 4, 5 };
    printf("%d %d %d\n", t.arr[0], t.arr[2], t.inner.a);
    int m[2][3] = { {1, 2, 3}, {4, 5, 6} };
    printf("%d %d %zu\n", m[1][0], m[0][2], sizeof m);
    char str[] = "hi";
    printf("%zu %s\n", sizeof str, str);
    struct p *cp = &(struct p){ 7, 8, 9 };
    printf("%d\n", cp->b);
    int z[4] = {0};
    printf("%d %d\n", z[0], z[3]);
    return 0;
}
