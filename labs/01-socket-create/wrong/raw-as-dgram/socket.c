/* Lab socket-create, wrong: a datagram socket where a raw one was asked for: four socket() calls and what each returns. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    printf("tcp fd = %d\n", fd);

    int bad = socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);
    if (bad < 0) perror("stream+udp");

    int raw = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (raw < 0) perror("raw");

    int ping = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (ping < 0) perror("ping");
    else printf("ping fd = %d\n", ping);

    close(fd);
    return 0;
}
