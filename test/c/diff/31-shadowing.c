#include <stdio.h>
int x = 1;
int main(void) {
    printf("%d\n", x);
    int x = 2;
    {
        int x = 3;
        printf("%d\n", x);
    }
    printf("%d\n", x);
    for (int x = 10; x < 12; x++) printf("%d ", x);
    printf("%d\n", x);
    return 0;
}
