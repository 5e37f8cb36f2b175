/* A field wider than SockLab's 1 MiB cap fails as glibc fails above INT_MAX: -1 and EOVERFLOW. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
int main(void) {
    char buf[8];
    int r = printf("%*d", 2000000, 5);
    printf("printf = %d: %s\n", r, strerror(errno)); // expect: printf = -1: Value too large for defined data type
    errno = 0;
    r = snprintf(buf, sizeof buf, "%.3000000d", 1);
    printf("snprintf = %d: %s\n", r, strerror(errno)); // expect: snprintf = -1: Value too large for defined data type
    return 0;
}
