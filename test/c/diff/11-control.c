#include <stdio.h>
int main(void) {
    int total = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 3) continue;
        if (i == 8) break;
        total += i;
    }
    printf("%d\n", total);
    int n = 0;
    while (n < 5) n++;
    do { n += 10; } while (n < 30);
    printf("%d\n", n);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (i == j) printf("%d%d ", i, j);
    printf("\n");
    int k = 0;
again:
    k++;
    if (k < 4) goto again;
    printf("%d\n", k);
    printf("%d %d\n", 5 > 3 ? 1 : 2, 0 ? 1 : 2);
    int x = 0, y = (x++, x + 10);
    printf("%d %d\n", x, y);
    return 0;
}
