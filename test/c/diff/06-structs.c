#include <stdio.h>
#include <stddef.h>
struct point { int x, y; };
struct rect { struct point tl, br; char name[8]; };
struct mixed { char c; int i; char d; double x; short s; };
struct point make(int x, int y) { struct point p = { x, y }; return p; }
int area(struct rect r) { return (r.br.x - r.tl.x) * (r.br.y - r.tl.y); }
int main(void) {
    struct rect r = { {1, 2}, {11, 7}, "box" };
    printf("%d %s\n", area(r), r.name);
    struct point p = make(3, 4);
    struct point q = p;
    q.x = 30;
    printf("%d %d %d\n", p.x, q.x, q.y);
    struct rect *rp = &r;
    rp->tl = p;
    printf("%d %d\n", r.tl.x, rp->tl.y);
    printf("%zu %zu %zu\n", sizeof(struct point), sizeof(struct rect), sizeof(struct mixed));
    printf("%zu %zu %zu\n", offsetof(struct mixed, i), offsetof(struct mixed, x), offsetof(struct mixed, s));
    return 0;
}
