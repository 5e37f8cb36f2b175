#include <stdio.h>
#include <stdlib.h>
int work(int fail) {
    int rc = -1;
    char *a = malloc(10);
    if (!a) goto out;
    char *b = malloc(20);
    if (!b) goto free_a;
    if (fail) goto free_b;
    rc = 0;
free_b:
    free(b);
free_a:
    free(a);
out:
    return rc;
}
int main(void) {
    printf("%d %d\n", work(0), work(1));
    int i = 0;
loop:
    if (i < 3) { printf("i=%d\n", i); i++; goto loop; }
    return 0;
}
