#include <stdio.h>
int main(void) {
    unsigned x = 0xF0F0u;
    printf("%x %x %x %x\n", x & 0xFF, x | 0x0F, x ^ 0xFFFF, ~x);
    printf("%x %x\n", x << 4, x >> 4);
    int n = -16;
    printf("%d %d\n", n >> 2, n << 2);
    unsigned long long big = 0x123456789ABCDEFULL;
    printf("%llx %llx\n", big >> 20, big << 8);
    printf("%lx\n", (unsigned long)-1 >> 1);
    int bits = 0;
    for (unsigned v = 0xDEADBEEF; v; v &= v - 1) bits++;
    printf("%d\n", bits);
    return 0;
}
