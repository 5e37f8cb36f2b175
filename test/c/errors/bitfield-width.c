struct flags { unsigned char wide : 9; };
int main(void) { return 0; }
// expect error: errors/bitfield-width.c:1:30: error: width 9 of bit-field 'wide' is out of range (1 to 8; 0 only for an unnamed one)
