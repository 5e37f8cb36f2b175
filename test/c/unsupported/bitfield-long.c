struct big { unsigned long wide : 40; };
int main(void) { return 0; }
// expect error: unsupported/bitfield-long.c:1:28: error: not supported by SockLab's C: a bit-field of a 64-bit type
