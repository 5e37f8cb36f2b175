#include <stdio.h>
#include <string.h>
struct inner { int a, b; };
struct outer { struct inner in; char tag[4]; long n; };
struct outer make(int v) { struct outer o = { .in.b = v, .tag = "ok", .n = -v }; return o; }
typedef void (*handler)(int);
static int hits;
void on(int v) { hits += v; }
void off(int v) { hits -= v; }
int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
int main(void) {
    printf("%d %s %ld\n", make(7).in.b, make(8).tag, make(9).n);
    struct outer x = make(3), y;
    y = x;
    y.tag[0] = 'O';
    printf("%s %s %d\n", x.tag, y.tag, y.in.a);
    handler hs[2] = { on, off };
    for (int i = 0; i < 4; i++) hs[i % 2](i + 1);
    printf("%d\n", hits);
    int *p = NULL;
    printf("%d %d\n", p == NULL, !p);
    const char *s = p ? "set" : "unset";
    printf("%s\n", s);
    printf("%d %d %u %u\n", -7 % 3, 7 % -3, 7u / 2u, -7 / 2u);
    long long big = 3037000500LL;
    printf("%lld\n", big * big);
    double d = 300.7;
    unsigned char uc = (unsigned char)(int)d;
    printf("%d\n", uc);
    static int seen[3];
    seen[1]++;
    printf("%d %d\n", seen[0], seen[1]);
    struct inner grid[2][2] = { { {1, 2}, {3, 4} }, { {5, 6} } };
    printf("%d %d %d\n", grid[0][1].b, grid[1][0].a, grid[1][1].b);
    printf("%d\n", depth(10000));
    char buf[16];
    memcpy(buf, "abc\0def", 8);
    printf("%s %s\n", buf, buf + 4);
    printf("%s\n", "tab\there \"quoted\" back\\slash");
    int n = 5;
    int *q = &n;
    *q *= 3;
    (*q)++;
    printf("%d\n", n);
    unsigned short us = 65535;
    us++;
    printf("%d\n", us);
    printf("%d\n", (int)sizeof(make(1)));
    return 0;
}
