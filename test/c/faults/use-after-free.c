#include <stdlib.h>
int main(void) {
    int *p = malloc(sizeof(int));
    free(p);
    return *p;
}
// expect fault: Segmentation fault: use after free (address 0x
