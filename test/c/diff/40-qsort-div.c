/* qsort (with the comparisons it makes counted: glibc 2.36 merges in the same order), bsearch,
   and div/ldiv with negative operands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair { int key; const char *name; };

static int calls;

static int by_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    calls++;
    return (x > y) - (x < y);
}

static int by_key(const void *a, const void *b) {
    const struct pair *p = a, *q = b;
    return p->key - q->key;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void) {
    int v[] = { 42, 7, 19, 3, 88, 23, 7, 61, 5, 14, 99, 0, -4 };
    int n = sizeof v / sizeof v[0];
    qsort(v, n, sizeof v[0], by_int);
    printf("sorted:");
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf(" (%d comparisons)\n", calls);

    struct pair ps[] = { { 3, "c" }, { 1, "a1" }, { 2, "b" }, { 1, "a2" }, { 3, "c2" } };
    qsort(ps, 5, sizeof ps[0], by_key);
    for (int i = 0; i < 5; i++) printf("%d:%s ", ps[i].key, ps[i].name);
    printf("\n");

    const char *words[] = { "socket", "bind", "listen", "accept", "connect", "send", "recv" };
    qsort(words, 7, sizeof words[0], by_name);
    for (int i = 0; i < 7; i++) printf("%s ", words[i]);
    printf("\n");

    int key = 61, missing = 62;
    int *hit = bsearch(&key, v, n, sizeof v[0], by_int);
    printf("bsearch 61 at %d, 62 %s\n", (int)(hit - v), bsearch(&missing, v, n, sizeof v[0], by_int) ? "found" : "absent");

    div_t d = div(-17, 5);
    ldiv_t l = ldiv(1000000000007L, -10);
    printf("div %d %d ldiv %ld %ld\n", d.quot, d.rem, l.quot, l.rem);
    return 0;
}
