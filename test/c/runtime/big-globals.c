#include <stdio.h>
char big[12 * 1024 * 1024];
int main(void) {
    big[sizeof big - 1] = 7;
    printf("%d %zu\n", big[sizeof big - 1], sizeof big); // expect: 7 12582912
    return 0;
}
