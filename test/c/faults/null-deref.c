#include <stdio.h>
int main(void) {
    int *p = NULL;
    printf("about to crash\n"); // expect: about to crash
    *p = 5;
    return 0;
}
// expect fault: Segmentation fault (address 0x0, line 5)
