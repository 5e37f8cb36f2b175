#include <stdio.h>
int main(void) {
    char s[] = "Hello, SockLab!";
    int upper = 0, lower = 0;
    for (char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') upper++;
        else if (*p >= 'a' && *p <= 'z') lower++;
    }
    printf("%d %d\n", upper, lower);
    for (int i = 0; s[i]; i++) if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
    printf("%s\n", s);
    printf("%d %d %d\n", '\n', '\0', '\x41');
    char c = '\377';
    printf("%d %u\n", c, (unsigned char)c);
    printf("%c%c%c\n", 'a' + 1, 'z' - 1, 65);
    return 0;
}
