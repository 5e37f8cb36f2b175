#include <stdio.h>
#define LOG(x) do { printf("log %d\n", (x)); } while (0)
int main(void) {
    int n = 0;
    while (1) {
        if (++n == 5) break;
    }
    LOG(n);
    for (;;) {
        n += 10;
        if (n > 40) break;
        continue;
    }
    LOG(n);
    int i = 10;
    do i--; while (i > 3);
    LOG(i);
    while (0) LOG(99);
    for (unsigned u = 3; u-- > 0;) printf("%u ", u);
    printf("\n");
    int sum = 0;
    for (int a = 0, b = 10; a < b; a++, b--) sum += a * b;
    LOG(sum);
    char text[] = "loop";
    char *p = text;
    while (*p) p++;
    LOG((int)(p - text));
    int k = 0;
    do {
        k++;
        if (k == 2) continue;
    } while (k < 4);
    LOG(k);
    return 0;
}
