#include <stdio.h>
int main(void) {
    const char *s = "socket";
    printf("[%s][%10s][%-10s][%.3s][%10.2s]\n", s, s, s, s, s);
    char buf[32];
    int n = sprintf(buf, "%d-%s-%c", 12, "ab", 'z');
    printf("%s %d\n", buf, n);
    n = snprintf(buf, 5, "%s", "truncated");
    printf("%s %d\n", buf, n);
    puts("puts line");
    putchar('x');
    putchar('\n');
    printf("%s\n", "");
    return 0;
}
