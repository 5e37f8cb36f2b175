#include <stdio.h>
int calls;
int t(int v) { calls++; return v; }
int main(void) {
    int r = t(0) && t(1);
    int s = t(1) || t(0);
    printf("%d %d %d\n", r, s, calls);
    printf("%d %d %d\n", !5, !0, !!-3);
    int a = 3, b = 7;
    int max = a > b ? a : b;
    printf("%d\n", max);
    printf("%d\n", (a < b) + (a == 3) + (b != 7));
    int y = 10;
    y -= 3;
    y += y;
    printf("%d\n", y);
    return 0;
}
