#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(void) {
    char buf[64];
    strcpy(buf, "hello");
    strcat(buf, ", world");
    printf("%s %zu\n", buf, strlen(buf));
    printf("%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strncmp("abcx", "abcy", 3));
    char *p = strchr(buf, 'o');
    printf("%s|%s\n", p, strrchr(buf, 'o'));
    printf("%s\n", strstr(buf, "wor"));
    char *d = strdup(buf);
    d[0] = 'H';
    printf("%s %s\n", d, buf);
    free(d);
    char n[8];
    strncpy(n, "abcdefghij", 7);
    n[7] = 0;
    printf("%s\n", n);
    memset(buf, 'x', 3);
    buf[3] = 0;
    printf("%s\n", buf);
    char m[] = "123456";
    memmove(m + 2, m, 3);
    printf("%s %d\n", m, memcmp("ab", "ac", 2) < 0);
    return 0;
}
