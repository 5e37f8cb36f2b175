/* Spins for ever: Ctrl-C must stop it. */
#include <stdio.h>
int main(void) {
    printf("spinning\n");
    volatile unsigned long n = 0;
    for (;;) n++;
    return 0;
}
