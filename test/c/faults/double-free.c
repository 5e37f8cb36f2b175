#include <stdlib.h>
int main(void) {
    char *p = malloc(8);
    free(p);
    free(p);
    return 0;
}
// expect fault: free(): double free detected (address 0x
