/* Lab send-path, wrong: the wrong port: connect to the server and send "hello" once. */
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
    a.sin_port = htons(5001);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        return 1;
    }
    ssize_t n = send(fd, "hello", 5, 0);
    printf("sent %zd\n", n);
    close(fd);
    return 0;
}
