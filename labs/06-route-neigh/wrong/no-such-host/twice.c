/* Lab route-neigh, wrong: a host that is not on the segment. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static int hello(const char *addr) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(5000);
    inet_pton(AF_INET, addr, &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        close(fd);
        return 1;
    }
    send(fd, "ping", 4, 0);
    close(fd);
    return 0;
}

int main(void) {
    if (hello("10.0.0.3") != 0) return 1;
    if (hello("10.0.0.3") != 0) return 1;
    printf("two connections\n");
    return 0;
}
