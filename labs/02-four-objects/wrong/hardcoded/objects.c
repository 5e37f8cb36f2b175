/* Lab four-objects, wrong: prints the net.core.wmem_default value instead of asking the socket. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    printf("sndbuf = %d\n", 212992);
    close(fd);
    return 0;
}
