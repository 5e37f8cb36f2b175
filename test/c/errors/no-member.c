struct point { int x, y; };
int main(void) {
    struct point p;
    p.z = 1;
    return 0;
}
// expect error: errors/no-member.c:4:5: error: 'struct point' has no member named 'z'
