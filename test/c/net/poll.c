/* poll: a timeout in simulated time, then POLLIN on a listener and on a connection. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <poll.h>
#include <time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9034);
    bind(lfd, (struct sockaddr *)&sa, sizeof sa);
    listen(lfd, 5);

    struct pollfd pfds[2];
    pfds[0].fd = lfd;
    pfds[0].events = POLLIN;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int n = poll(pfds, 1, 2500);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("poll -> %d after %ld ms, revents %d\n", n, (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000, pfds[0].revents);

    if (fork() == 0) {
        usleep(500000);
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connect(fd, (struct sockaddr *)&sa, sizeof sa);
        sleep(1);
        write(fd, "ping", 4);
        sleep(1);
        close(fd);
        exit(0);
    }
    n = poll(pfds, 1, -1);
    printf("poll -> %d, listener %s\n", n, (pfds[0].revents & POLLIN) ? "readable" : "idle");
    int cfd = accept(lfd, NULL, NULL);
    pfds[1].fd = cfd;
    pfds[1].events = POLLIN;
    pfds[0].revents = 0;
    n = poll(pfds + 1, 1, 0);
    printf("poll(0) -> %d\n", n);
    n = poll(pfds, 2, -1);
    printf("poll -> %d, conn revents %s\n", n, (pfds[1].revents & POLLIN) ? "POLLIN" : "-");
    char buf[16];
    int got = recv(cfd, buf, sizeof buf, 0);
    printf("recv %d '%.*s'\n", got, got, buf);
    n = poll(pfds + 1, 1, -1);
    printf("poll -> %d, then recv %d\n", n, (int)recv(cfd, buf, sizeof buf, 0));
    struct pollfd bad = {.fd = 42, .events = POLLIN};
    printf("bad fd -> %d revents %d\n", poll(&bad, 1, 0), bad.revents);
    return 0;
}
// expect: poll -> 0 after 2500 ms, revents 0
// expect: poll -> 1, listener readable
// expect: poll(0) -> 0
// expect: poll -> 1, conn revents POLLIN
// expect: recv 4 'ping'
// expect: poll -> 1, then recv 0
// expect: bad fd -> 1 revents 32
