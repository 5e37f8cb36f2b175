#include <stdio.h>
int main(void) {
    int a = 17, b = 5;
    printf("%d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
    printf("%d %d\n", -a / b, -a % b);
    unsigned u = 7;
    printf("%u %u\n", u - 10, u * 3000000000u);
    printf("%d\n", 2147483647 + b - 5);
    return 0;
}
