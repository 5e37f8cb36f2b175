#include <stdio.h>
union word { unsigned int u; unsigned char b[4]; float f; };
enum color { RED, GREEN = 5, BLUE };
typedef enum { A = -1, B, C = 10 } letter;
int main(void) {
    union word w;
    w.u = 0x11223344;
    printf("%x %x %x %x\n", w.b[0], w.b[1], w.b[2], w.b[3]);
    printf("%zu\n", sizeof(union word));
    enum color c = BLUE;
    letter l = B;
    printf("%d %d %d %d\n", RED, GREEN, c, l);
    w.f = 1.0f;
    printf("%x\n", w.u);
    return 0;
}
