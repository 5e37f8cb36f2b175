#include <stdio.h>
#include <stdint.h>
#include <string.h>
uint16_t swap16(uint16_t v) { return (uint16_t)((v << 8) | (v >> 8)); }
uint32_t swap32(uint32_t v) {
    return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >> 8) & 0xff00) | (v >> 24);
}
int main(void) {
    printf("%04x %08x\n", swap16(0x1234), swap32(0x0a000001));
    unsigned char b[4];
    uint32_t addr = 0x0a000002;
    memcpy(b, &addr, 4);
    printf("%d.%d.%d.%d\n", b[3], b[2], b[1], b[0]);
    uint8_t x = 0xff;
    uint16_t y = x + 1;
    int64_t z = -1;
    uint64_t w = (uint64_t)z;
    printf("%u %lld %llu\n", y, (long long)z, (unsigned long long)w);
    return 0;
}
