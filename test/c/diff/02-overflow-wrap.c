#include <stdio.h>
#include <limits.h>
int main(void) {
    unsigned int x = UINT_MAX;
    x++;
    printf("%u\n", x);
    unsigned char c = 250;
    c += 10;
    printf("%d\n", c);
    signed char sc = 127;
    sc++;
    printf("%d\n", sc);
    short s = 32767;
    s = s + 1;
    printf("%d\n", s);
    unsigned long ul = 0;
    ul--;
    printf("%lu\n", ul);
    long l = LONG_MAX;
    printf("%ld\n", l);
    unsigned long long ull = 1ULL << 63;
    printf("%llu\n", ull);
    printf("%d\n", (int)3000000000u);
    return 0;
}
