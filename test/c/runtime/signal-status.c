#include <stdio.h>
int main(void) {
    int zero = 0;
    printf("%d\n", 10 % (zero + 1)); // expect: 0
    return 1 / zero;
}
// expect fault: Floating point exception (line 5)
