#include <stdio.h>
int main(void) {
    printf("no newline at end");
    return 0;
}
// expect: no newline at end
