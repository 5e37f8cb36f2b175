#include <stdio.h>
#include <stdint.h>
uint16_t csum(const uint8_t *data, int len) {
    uint32_t sum = 0;
    for (int i = 0; i + 1 < len; i += 2) sum += (uint32_t)(data[i] << 8 | data[i + 1]);
    if (len & 1) sum += (uint32_t)data[len - 1] << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}
int main(void) {
    uint8_t hdr[20] = { 0x45, 0, 0, 0x54, 0x12, 0x34, 0x40, 0, 64, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2 };
    printf("%04x\n", csum(hdr, 20));
    uint8_t odd[3] = { 1, 2, 3 };
    printf("%04x\n", csum(odd, 3));
    return 0;
}
