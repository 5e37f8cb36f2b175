struct flags { unsigned on : 1; };
int main(void) {
    struct flags f = { 1 };
    return (int)sizeof f.on;
}
// expect error: errors/bitfield-sizeof.c:4:24: error: 'sizeof' applied to a bit-field
