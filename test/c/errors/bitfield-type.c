struct flags { double d : 3; };
int main(void) { return 0; }
// expect error: errors/bitfield-type.c:1:23: error: bit-field 'd' has invalid type
