/* Copies standard input to standard output in upper case until end of input. */
#include <ctype.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char buf[128];
    int n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (int i = 0; i < n; i++) buf[i] = toupper((unsigned char)buf[i]);
        write(1, buf, n);
    }
    return 0;
}
