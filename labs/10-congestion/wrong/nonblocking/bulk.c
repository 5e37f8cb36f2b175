/* Lab congestion, wrong: a non-blocking send(). */
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
    a.sin_port = htons(5000);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        return 1;
    }
    static char buf[200000];
    memset(buf, 'x', sizeof buf);
    ssize_t n = send(fd, buf, sizeof buf, MSG_DONTWAIT);
    printf("sent %zd\n", n);
    close(fd);
    return 0;
}
