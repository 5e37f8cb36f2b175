#include <stdio.h>
int main(void) {
    unsigned char a = 200, b = 100;
    int sum = a + b;
    printf("%d\n", sum);
    char c = -1;
    unsigned int u = c;
    printf("%u\n", u);
    int i = -1;
    unsigned int v = 1;
    printf("%d\n", i < v);
    long l = -1;
    printf("%d\n", l < v);
    printf("%zu %zu %zu %zu\n", sizeof(a + b), sizeof(c), sizeof(1L), sizeof(1.0));
    printf("%d\n", (unsigned char)(a + b));
    printf("%ld\n", (long)i * 3000000000L);
    return 0;
}
