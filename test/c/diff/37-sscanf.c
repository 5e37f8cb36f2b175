#include <stdio.h>
#include <string.h>

int main(void) {
    int a = -1, b = -1, n = -1;
    unsigned u = 0;
    long l = 0;
    char word[32] = "", rest[32] = "", c = '?';
    unsigned x = 0;
    int r;

    r = sscanf("42 -17", "%d %d", &a, &b);
    printf("%d: %d %d\n", r, a, b);
    r = sscanf("0x1f 017 12", "%i %i %i", &a, &b, &n);
    printf("%d: %d %d %d\n", r, a, b, n);
    r = sscanf("  4000000000 -9000000000", "%u %ld", &u, &l);
    printf("%d: %u %ld\n", r, u, l);
    r = sscanf("GET /index.html HTTP/1.0", "%31s %31s", word, rest);
    printf("%d: [%s] [%s]\n", r, word, rest);
    r = sscanf("key=value;more", "%31[^=]=%31[^;]", word, rest);
    printf("%d: [%s] [%s]\n", r, word, rest);
    r = sscanf("ff zz", "%x %x", &x, &a);
    printf("%d: %x\n", r, x);
    r = sscanf("", "%d", &a);
    printf("empty: %d\n", r);
    r = sscanf("   ", "%d", &a);
    printf("spaces: %d\n", r);
    r = sscanf("abc", "%d", &a);
    printf("letters: %d\n", r);
    r = sscanf("7 x", "%d %c", &a, &c);
    printf("%d: %d %c\n", r, a, c);
    r = sscanf("10.0.0.2:8080", "%d.%d.%d.%d:%d", &a, &b, &n, (int *)&u, (int *)&x);
    printf("%d: %d %d %d %u %u\n", r, a, b, n, u, x);
    r = sscanf("12345", "%3d%d", &a, &b);
    printf("%d: %d %d\n", r, a, b);
    r = sscanf("hello world", "%*s %s%n", word, &n);
    printf("%d: [%s] n=%d\n", r, word, n);
    r = sscanf("100%", "%d%%", &a);
    printf("%d: %d\n", r, a);
    short h = 0;
    unsigned char hh = 0;
    r = sscanf("70000 300", "%hd %hhu", &h, &hh);
    printf("%d: %d %d\n", r, h, hh);
    r = sscanf("-", "%d", &a);
    printf("minus: %d\n", r);
    r = sscanf("abc123", "%[a-z]%d", word, &a);
    printf("%d: [%s] %d\n", r, word, a);
    return 0;
}
