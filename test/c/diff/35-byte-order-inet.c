#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

static void six(const char *text) {
    unsigned char buf[16];
    char back[INET6_ADDRSTRLEN];
    int r = inet_pton(AF_INET6, text, buf);
    if (r != 1) {
        printf("%-28s -> %d\n", text, r);
        return;
    }
    printf("%-28s -> %s\n", text, inet_ntop(AF_INET6, buf, back, sizeof back));
}

int main(void) {
    printf("%04x %08x %04x %08x\n", htons(0x1234), htonl(0x01020304u), ntohs(htons(80)), ntohl(htonl(0xc0a80001u)));
    unsigned short p = htons(3490);
    unsigned char *b = (unsigned char *)&p;
    printf("port bytes %d %d\n", b[0], b[1]);

    struct in_addr a;
    const char *fours[] = {"10.0.0.2", "255.255.255.255", "1.2.3", "01.2.3.4", "256.1.1.1", "1.2.3.4 ", "0.0.0.0"};
    for (int i = 0; i < 7; i++) {
        memset(&a, 0xa5, sizeof a);
        int r = inet_pton(AF_INET, fours[i], &a);
        printf("pton(%s) = %d %08x\n", fours[i], r, r == 1 ? ntohl(a.s_addr) : 0);
    }
    char out[INET_ADDRSTRLEN];
    a.s_addr = htonl(0x0a000001);
    printf("ntop %s\n", inet_ntop(AF_INET, &a, out, sizeof out));
    printf("small %p\n", (void *)inet_ntop(AF_INET, &a, out, 4));

    const char *atons[] = {"127.1", "0x7f.1", "10.1.2", "017.0.0.1", "1.2.3.4.5", "4294967295", "bad", "1.2.3.4 junk"};
    for (int i = 0; i < 8; i++) {
        int r = inet_aton(atons[i], &a);
        printf("aton(%s) = %d %08x addr=%08x\n", atons[i], r, r ? ntohl(a.s_addr) : 0, ntohl(inet_addr(atons[i])));
    }
    a.s_addr = inet_addr("192.168.1.20");
    char *s1 = inet_ntoa(a);
    a.s_addr = htonl(INADDR_LOOPBACK);
    char *s2 = inet_ntoa(a);
    printf("ntoa same buffer %d %s\n", s1 == s2, s1);

    six("::");
    six("::1");
    six("2001:db8::1");
    six("2001:0db8:0000:0000:0000:0000:0000:0001");
    six("fe80::1:0:0:0:2");
    six("1:0:0:2:0:0:0:3");
    six("::ffff:10.0.0.2");
    six("::10.0.0.2");
    six("1:2:3:4:5:6:7:8");
    six("1::2::3");
    six("12345::");
    six("1:2:3:4:5:6:7::");
    six("::1:2:3:4:5:6:7");
    six("1:0:0:0:0:0:0:0");
    return 0;
}
