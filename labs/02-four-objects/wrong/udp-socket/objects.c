/* Lab four-objects, wrong: a UDP socket: one TCP socket and its send buffer size. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    int sndbuf = 0;
    socklen_t len = sizeof sndbuf;
    if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &len) < 0) {
        perror("getsockopt");
        return 1;
    }
    printf("sndbuf = %d\n", sndbuf);
    close(fd);
    return 0;
}
