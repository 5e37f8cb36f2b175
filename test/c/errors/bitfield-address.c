struct flags { unsigned on : 1; };
int main(void) {
    struct flags f = { 1 };
    unsigned *p = &f.on;
    return (int)*p;
}
// expect error: errors/bitfield-address.c:4:19: error: cannot take address of bit-field 'on'
