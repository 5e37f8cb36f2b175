#include <stdio.h>
void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
int main(void) {
    int arr[5] = {10, 20, 30, 40, 50};
    int *p = arr;
    int *q = &arr[4];
    printf("%d %d %ld\n", *p, *q, q - p);
    p += 2;
    printf("%d %d\n", *p, p[1]);
    swap(&arr[0], &arr[4]);
    printf("%d %d\n", arr[0], arr[4]);
    int **pp = &p;
    **pp = 99;
    printf("%d\n", arr[2]);
    printf("%d\n", p > arr);
    char *s = (char *)arr;
    printf("%d\n", s[0]);
    void *v = arr;
    printf("%d\n", *(int *)v);
    return 0;
}
