#include <stdio.h>
int main(int argc, char *argv[]) {
    printf("%d %s\n", argc, argv[0]); // expect: 1 basics/main-return.c
    printf("%d\n", argv[1] == NULL); // expect: 1
    return 42; // expect exit: 42
}
