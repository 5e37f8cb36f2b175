#include <stdio.h>
const char *name(int d) {
    switch (d) {
    case 0: return "zero";
    case 1:
    case 2: return "small";
    case 10: return "ten";
    default: return "other";
    }
}
int main(void) {
    for (int i = 0; i < 4; i++) printf("%s ", name(i));
    printf("%s\n", name(10));
    int count = 0;
    switch (3) {
    case 3: count++;
    case 4: count++;
    case 5: count++; break;
    case 6: count += 100;
    }
    printf("%d\n", count);
    long big = 5000000000L;
    switch (big) { case 5000000000L: puts("big"); break; default: puts("no"); }
    char c = 'b';
    switch (c) { case 'a': puts("a"); break; case 'b': { int z = 2; printf("b%d\n", z); } break; }
    return 0;
}
