#include <stdio.h>
int main(void) {
    int a = 100;
    a += 5; a -= 3; a *= 2; a /= 4; a %= 7; a <<= 3; a >>= 1; a |= 0x100; a &= 0x1ff; a ^= 0x55;
    printf("%d\n", a);
    unsigned char c = 200;
    c += 100;
    printf("%d\n", c);
    double d = 1.5;
    d *= 4;
    printf("%d\n", (int)d);
    int arr[4] = { 1, 2, 3, 4 };
    int *p = arr;
    p += 3;
    p -= 1;
    printf("%d\n", *p);
    long l = 1;
    l <<= 40;
    printf("%ld\n", l);
    int i = 5;
    int j = i++;
    int k = ++i;
    printf("%d %d %d\n", j, k, i--);
    printf("%d\n", i);
    return 0;
}
