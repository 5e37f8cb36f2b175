#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { int v; struct node *next; };
int main(void) {
    struct node *head = NULL;
    for (int i = 0; i < 5; i++) {
        struct node *n = malloc(sizeof *n);
        n->v = i * i;
        n->next = head;
        head = n;
    }
    int sum = 0;
    while (head) {
        struct node *n = head;
        sum += n->v;
        head = n->next;
        free(n);
    }
    printf("%d\n", sum);
    int *arr = calloc(10, sizeof(int));
    printf("%d\n", arr[9]);
    arr = realloc(arr, 20 * sizeof(int));
    arr[19] = 5;
    printf("%d %d\n", arr[0], arr[19]);
    free(arr);
    char *s = malloc(6);
    strcpy(s, "abcde");
    printf("%s\n", s);
    free(s);
    return 0;
}
