#include <stdio.h>
int main(void) {
    printf("[%5d][%-5d][%05d][%+d][% d]\n", 42, 42, 42, 42, 42);
    printf("[%x][%X][%#x][%#o][%o]\n", 255, 255, 255, 8, 8);
    printf("[%8.3d][%.0d][%-8x]\n", 7, 0, 0xab);
    printf("[%ld][%lu][%lld][%llu]\n", -5L, 5UL, -9000000000LL, 18000000000ULL);
    printf("[%hhd][%hd][%hu]\n", 300, 70000, 70000);
    printf("[%c][%5c][%-3c]\n", 'A', 'b', 'c');
    printf("[%%][%i]\n", -17);
    printf("[%*d][%-*d][%.*d]\n", 6, 1, 4, 2, 3, 3);
    return 0;
}
