#include <stdlib.h>
int main(void) {
    char *p = malloc(10);
    for (int i = 0; i <= 16; i++) p[i] = 'x';
    return 0;
}
// expect fault: Segmentation fault (address 0x
