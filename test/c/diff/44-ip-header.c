/* The IPv4 header through <netinet/ip.h>: a received packet read with Linux's struct iphdr and
   BSD's struct ip (header length and version are 4-bit fields of the first byte), its checksum
   verified, and a new header built field by field, as a raw-socket program does. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip.h>

static uint16_t cksum(const void *data, int len) {
    const uint16_t *w = data;
    uint32_t sum = 0;
    for (; len > 1; len -= 2) sum += *w++;
    sum = (sum >> 16) + (sum & 0xffff);
    sum += sum >> 16;
    return (uint16_t)~sum;
}

int main(void) {
    unsigned char pkt[20] = { 0x45, 0x00, 0x00, 0x54, 0x7d, 0x71, 0x40, 0x00, 0x40, 0x01,
                              0x00, 0x00, 10, 0, 0, 1, 10, 0, 0, 2 };
    struct iphdr *ih = (struct iphdr *)pkt;
    ih->check = cksum(pkt, 20);
    printf("sizeof iphdr %zu ip %zu\n", sizeof(struct iphdr), sizeof(struct ip));
    printf("ihl %u version %u tos %u tot_len %u id 0x%x\n", ih->ihl, ih->version, ih->tos,
           ntohs(ih->tot_len), ntohs(ih->id));
    uint16_t off = ntohs(ih->frag_off);
    printf("DF %d MF %d offset %d ttl %u protocol %u check 0x%04x verifies %s\n", (off & IP_DF) != 0,
           (off & IP_MF) != 0, off & IP_OFFMASK, ih->ttl, ih->protocol, ntohs(ih->check),
           cksum(pkt, ih->ihl * 4) == 0 ? "yes" : "no");
    struct ip *bsd = (struct ip *)pkt;
    printf("ip_hl %u ip_v %u ip_p %u src %s", bsd->ip_hl, bsd->ip_v, bsd->ip_p, inet_ntoa(bsd->ip_src));
    printf(" dst %s\n", inet_ntoa(bsd->ip_dst));

    unsigned char out[20];
    memset(out, 0, sizeof out);
    struct iphdr *nh = (struct iphdr *)out;
    nh->version = IPVERSION;
    nh->ihl = 5;
    nh->tos = IPTOS_LOWDELAY;
    nh->tot_len = htons(28);
    nh->frag_off = htons(IP_DF);
    nh->ttl = IPDEFTTL;
    nh->protocol = IPPROTO_UDP;
    nh->saddr = inet_addr("192.168.1.10");
    nh->daddr = inet_addr("192.168.1.20");
    nh->check = cksum(out, 20);
    for (int i = 0; i < 20; i++) printf("%02x%c", out[i], i == 19 ? '\n' : ' ');
    nh->ihl++;
    printf("ihl++ %u first byte 0x%02x\n", nh->ihl, out[0]);
    return 0;
}
