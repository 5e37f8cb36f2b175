/* Lab receive-path, wrong: a non-blocking recv(). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(5000);
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 5) < 0) {
        perror("server");
        return 1;
    }
    int c = accept(s, NULL, NULL);
    if (c < 0) {
        perror("accept");
        return 1;
    }
    char buf[64];
    ssize_t n = recv(c, buf, sizeof buf - 1, MSG_DONTWAIT);
    if (n < 0) {
        perror("recv");
        return 1;
    }
    buf[n] = 0;
    printf("got %zd: %s\n", n, buf);
    close(c);
    close(s);
    return 0;
}
