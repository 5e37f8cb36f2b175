/* Lab udp, wrong: a stream socket where datagrams were asked for; then a connected
   socket's datagram to the closed port 6001, whose ICMP port unreachable recv() reports. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(6000);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    static char big[3000];
    memset(big, 'u', sizeof big);
    printf("small: %zd\n", sendto(fd, "hello", 5, 0, (struct sockaddr *)&a, sizeof a));
    printf("big: %zd\n", sendto(fd, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a));

    a.sin_port = htons(6001);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) perror("connect");
    send(fd, "anyone?", 7, 0);
    char buf[16];
    if (recv(fd, buf, sizeof buf, 0) < 0) perror("recv");
    close(fd);
    return 0;
}
