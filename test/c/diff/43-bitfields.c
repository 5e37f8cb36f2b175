/* Bit-fields as gcc lays them out on x86-64: packing into the declared type's units, a field that
   would cross a unit boundary starting the next one, zero-width and unnamed padding, signed
   fields sign-extended, assignment and ++/+= truncating, static and automatic initializers,
   bit-fields in a union, and the promotion of a narrow unsigned field to int. */
#include <stdio.h>
#include <string.h>
struct flags { unsigned a : 3; unsigned b : 5; int s : 4; unsigned c : 20; unsigned d : 12; };
struct mixed { char tag; unsigned short x : 9; unsigned short y : 9; unsigned char z : 1; int w; };
struct zero { unsigned a : 3; unsigned : 0; unsigned b : 2; };
struct pad { char c; unsigned : 5; unsigned n : 4; };
union u { unsigned v; struct { unsigned lo : 16, hi : 16; } h; };
struct bools { _Bool on : 1; signed char sc : 3; };
struct pair { unsigned char lo : 3, hi : 5; };
static struct flags g = { 5, 17, -3, 0xabcde, 0x123 };
int main(void) {
    printf("sizes %zu %zu %zu %zu %zu %zu\n", sizeof(struct flags), sizeof(struct mixed), sizeof(struct zero), sizeof(struct pad), sizeof(union u), sizeof(struct bools));
    struct flags f;
    memset(&f, 0, sizeof f);
    f.a = 9; f.b = 31; f.s = 7; f.c = 0xfffff; f.d = 4097;
    printf("%u %u %d %u %u\n", f.a, f.b, f.s, f.c, f.d);
    f.s = -8; f.s--; printf("s %d\n", f.s);
    f.a += 6; f.b++; printf("a %u b %u\n", f.a, f.b);
    int r = (f.a = 12); printf("assign value %d a %u\n", r, f.a);
    unsigned char *p = (unsigned char *)&f;
    for (size_t i = 0; i < sizeof f; i++) printf("%02x", p[i]);
    printf("\n");
    printf("g %u %u %d %x %x\n", g.a, g.b, g.s, g.c, g.d);
    struct mixed m = { 'x', 300, 511, 1, -2 };
    printf("m %c %u %u %u %d\n", m.tag, m.x, m.y, m.z, m.w);
    union u uu; uu.v = 0x12345678; printf("u %x %x\n", uu.h.lo, uu.h.hi);
    struct bools bb = { 1, -3 }; bb.on = 2; printf("bools %d %d\n", bb.on, bb.sc);
    printf("promote %d\n", f.a - 20 < 0);
    struct pad pd = { 'q', 9 }; printf("pad %c %u\n", pd.c, pd.n);
    struct zero z = { 7, 3 }; printf("zero %u %u\n", z.a, z.b);
    struct pair pr = { 5, 30 }; unsigned char raw; memcpy(&raw, &pr, 1);
    printf("pair %u %u byte %02x size %zu\n", pr.lo, pr.hi, raw, sizeof pr);
    return 0;
}
