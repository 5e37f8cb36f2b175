/* string.h and strings.h helpers for picking text apart, and ctype.h's classifications
   (their values are glibc's bits, e.g. isdigit('5') == 2048). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <ctype.h>

int main(void) {
    char line[] = "GET /index.html HTTP/1.0\r\nHost: server\r\n";
    printf("strcspn %d strspn %d\n", (int)strcspn(line, " \r\n"), (int)strspn("  \t x", " \t"));
    printf("strpbrk %s", strpbrk(line, "\r\n") + 2);
    printf("memchr %s\n", (char *)memchr("a:b:c", ':', 5) + 1);
    printf("memchr none %d\n", memchr("abc", 'z', 3) == NULL);
    printf("strnlen %d %d\n", (int)strnlen("hello", 3), (int)strnlen("hi", 10));
    char *d = strndup("abcdef", 4);
    printf("strndup %s\n", d);
    free(d);
    printf("strcasecmp %d %d %d\n", strcasecmp("Host", "HOST") == 0, strcasecmp("a", "B") < 0, strncasecmp("CONTENT-length", "content-LENGTH: 5", 14));

    char words[] = "  one,two;;three  ";
    for (char *t = strtok(words, " ,;"); t != NULL; t = strtok(NULL, " ,;"))
        printf("token [%s]\n", t);
    char csv[] = "a=1&b=2&c=3";
    char *save, *kv;
    for (kv = strtok_r(csv, "&", &save); kv != NULL; kv = strtok_r(NULL, "&", &save))
        printf("pair [%s]\n", kv);

    const char *probe = "aZ5 \t!\x7f";
    for (const char *p = probe; *p; p++)
        printf("%3d: alpha %d digit %d alnum %d space %d upper %d lower %d punct %d print %d graph %d cntrl %d xdigit %d blank %d\n",
               *p, isalpha(*p), isdigit(*p), isalnum(*p), isspace(*p), isupper(*p), islower(*p),
               ispunct(*p), isprint(*p), isgraph(*p), iscntrl(*p), isxdigit(*p), isblank(*p));
    printf("%c%c%c%c %d\n", toupper('a'), tolower('Q'), toupper('1'), tolower('z'), isdigit(-1));
    return 0;
}
