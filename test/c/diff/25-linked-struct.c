#include <stdio.h>
#include <stdlib.h>
typedef struct node { char key[16]; int count; struct node *left, *right; } node;
node *insert(node *t, const char *k) {
    if (!t) {
        t = calloc(1, sizeof(node));
        int i = 0;
        while (k[i] && i < 15) { t->key[i] = k[i]; i++; }
        t->count = 1;
        return t;
    }
    int c = 0, i = 0;
    while (k[i] == t->key[i] && k[i]) i++;
    c = (unsigned char)k[i] - (unsigned char)t->key[i];
    if (c == 0) t->count++;
    else if (c < 0) t->left = insert(t->left, k);
    else t->right = insert(t->right, k);
    return t;
}
void walk(node *t) { if (!t) return; walk(t->left); printf("%s:%d ", t->key, t->count); walk(t->right); free(t); }
int main(void) {
    const char *words[] = { "tcp", "udp", "ip", "tcp", "arp", "udp", "tcp" };
    node *root = NULL;
    for (int i = 0; i < 7; i++) root = insert(root, words[i]);
    walk(root);
    printf("\n");
    return 0;
}
