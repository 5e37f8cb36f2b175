struct flags { unsigned a : 1; };
int main(void) { return 0; }
// expect error: unsupported/bitfield.c:1:27: error: not supported by SockLab's C: bit-fields
