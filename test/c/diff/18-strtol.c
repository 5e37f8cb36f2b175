#include <stdio.h>
#include <stdlib.h>
int main(void) {
    printf("%d %d %d\n", atoi("42"), atoi("  -17xyz"), atoi("abc"));
    char *end;
    long v = strtol("0x1fZZ", &end, 16);
    printf("%ld %s\n", v, end);
    printf("%ld\n", strtol("777", NULL, 8));
    printf("%ld\n", strtol("0x10", NULL, 0));
    printf("%lu\n", strtoul("4294967296", NULL, 10));
    printf("%d %ld\n", abs(-5), labs(-7L));
    return 0;
}
