/* An ICMP echo request built with struct icmphdr from <netinet/ip_icmp.h>, its Internet
   checksum (RFC 1071), and an echo reply read back out of a raw IPv4 packet, as a ping
   program does. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <netinet/ip_icmp.h>

static uint16_t in_cksum(const void *data, int len) {
    const uint16_t *w = data;
    uint32_t sum = 0;
    for (; len > 1; len -= 2) sum += *w++;
    if (len == 1) sum += *(const uint8_t *)w;
    sum = (sum >> 16) + (sum & 0xffff);
    sum += sum >> 16;
    return (uint16_t)~sum;
}

int main(void) {
    unsigned char packet[64];
    memset(packet, 0, sizeof packet);
    struct icmphdr *icmp = (struct icmphdr *)packet;
    icmp->type = ICMP_ECHO;
    icmp->code = 0;
    icmp->un.echo.id = htons(0x1234);
    icmp->un.echo.sequence = htons(1);
    memcpy(packet + sizeof *icmp, "socklab!", 8);
    icmp->checksum = 0;
    icmp->checksum = in_cksum(packet, sizeof *icmp + 8);
    printf("sizeof(struct icmphdr) = %zu\n", sizeof(struct icmphdr));
    for (int i = 0; i < 16; i++) printf("%02x%c", packet[i], i == 15 ? '\n' : ' ');
    printf("verifies: %s\n", in_cksum(packet, 16) == 0 ? "yes" : "no");

    /* a reply as a raw socket receives it: a 20-byte IPv4 header first */
    unsigned char raw[36] = { 0x45, 0, 0, 36, 0, 0, 0x40, 0, 64, 1 };
    memcpy(raw + 20, packet, 16);
    raw[20] = ICMP_ECHOREPLY;
    struct icmphdr *reply = (struct icmphdr *)(raw + (raw[0] & 0x0f) * 4);
    printf("type %d code %d id 0x%x seq %d gateway 0x%08x\n", reply->type, reply->code,
           ntohs(reply->un.echo.id), ntohs(reply->un.echo.sequence), ntohl(reply->un.gateway));
    printf("unreach codes: net %d host %d port %d frag %d; time exceeded %d, ttl %d\n", ICMP_NET_UNREACH,
           ICMP_HOST_UNREACH, ICMP_PORT_UNREACH, ICMP_FRAG_NEEDED, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL);
    return 0;
}
