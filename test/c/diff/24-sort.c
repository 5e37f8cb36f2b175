#include <stdio.h>
void sort(int *a, int n) {
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}
int main(void) {
    int a[] = { 5, -2, 9, 0, 3, 3, 100, -50 };
    int n = sizeof a / sizeof a[0];
    sort(a, n);
    for (int i = 0; i < n; i++) printf("%d%c", a[i], i == n - 1 ? '\n' : ' ');
    unsigned seed = 12345;
    int r[6];
    for (int i = 0; i < 6; i++) { seed = seed * 1103515245u + 12345u; r[i] = (seed >> 16) % 100; }
    sort(r, 6);
    for (int i = 0; i < 6; i++) printf("%d ", r[i]);
    printf("\n");
    return 0;
}
