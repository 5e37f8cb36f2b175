#include <stdio.h>
#include <stdlib.h>
int main(void) {
    printf("before exit\n"); // expect: before exit
    exit(3); // expect exit: 3
    printf("never\n");
}
