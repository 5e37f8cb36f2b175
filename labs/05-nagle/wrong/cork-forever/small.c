/* Lab nagle, wrong: corks and never uncorks; small writes under Nagle, TCP_NODELAY, TCP_CORK and MSG_MORE,
   chosen by the first argument (none, "nodelay", "cork" or "more"). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "nagle";
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
    int one = 1;
    if (strcmp(mode, "nodelay") == 0) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (strcmp(mode, "cork") == 0) setsockopt(fd, IPPROTO_TCP, TCP_CORK, &one, sizeof one);
    int flags = strcmp(mode, "more") == 0 ? MSG_MORE : 0;
    send(fd, "aaaaaaaaaa", 10, flags);
    send(fd, "bbbbbbbbbb", 10, flags);
    send(fd, "cccccccccc", 10, 0);
    printf("%s: sent 30\n", mode);
    close(fd);
    return 0;
}
