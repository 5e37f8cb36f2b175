#include <stdio.h>
int sum(int (*m)[4], int rows) {
    int t = 0;
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 4; j++) t += m[i][j];
    return t;
}
int main(void) {
    int m[3][4];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) m[i][j] = i * 4 + j;
    printf("%d\n", sum(m, 3));
    printf("%zu %zu\n", sizeof(m), sizeof(m[0]));
    int *flat = &m[0][0];
    printf("%d\n", flat[7]);
    char grid[2][3] = { "ab", "cd" };
    printf("%s %s\n", grid[0], grid[1]);
    return 0;
}
