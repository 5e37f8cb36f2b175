#include <stdio.h>
int counter;
int table[4] = {1, 2, 3};
const char *names[] = {"alpha", "beta", "gamma"};
static int hidden = 7;
int *ptr = &table[2];
struct cfg { int port; const char *host; } config = { .host = "localhost", .port = 8080 };
int next(void) { static int n = 100; return n++; }
int main(void) {
    counter += 5;
    printf("%d %d %d %d\n", counter, table[2], table[3], hidden);
    printf("%s %s %zu\n", names[1], names[2], sizeof(names) / sizeof(names[0]));
    int n1 = next();
    int n2 = next();
    printf("%d %d %d\n", n1, n2, next());
    *ptr = 42;
    printf("%d %s %d\n", table[2], config.host, config.port);
    return 0;
}
