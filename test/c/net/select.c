/* select over a listener and its connections with fd_set in memory, as Beej's selectserver. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9034);
    bind(listener, (struct sockaddr *)&sa, sizeof sa);
    listen(listener, 10);

    struct timeval tv = {1, 500000};
    fd_set master, read_fds;
    FD_ZERO(&master);
    FD_SET(listener, &master);
    read_fds = master;
    int n = select(listener + 1, &read_fds, NULL, NULL, &tv);
    printf("select -> %d, isset %d, tv %ld.%06ld\n", n, FD_ISSET(listener, &read_fds), tv.tv_sec, tv.tv_usec);

    for (int i = 0; i < 2; i++) {
        if (fork() == 0) {
            sleep(i + 1);
            int fd = socket(AF_INET, SOCK_STREAM, 0);
            connect(fd, (struct sockaddr *)&sa, sizeof sa);
            char msg[16];
            sprintf(msg, "msg%d", i);
            send(fd, msg, strlen(msg), 0);
            sleep(5);
            close(fd);
            exit(0);
        }
    }
    int fdmax = listener, closed = 0, lines = 0;
    while (closed < 2) {
        read_fds = master;
        if (select(fdmax + 1, &read_fds, NULL, NULL, NULL) == -1) {
            perror("select");
            return 1;
        }
        for (int i = 0; i <= fdmax; i++) {
            if (!FD_ISSET(i, &read_fds)) continue;
            if (i == listener) {
                int newfd = accept(listener, NULL, NULL);
                FD_SET(newfd, &master);
                if (newfd > fdmax) fdmax = newfd;
                printf("selectserver: new connection on socket %d\n", newfd);
            } else {
                char buf[32];
                int nbytes = recv(i, buf, sizeof buf, 0);
                if (nbytes <= 0) {
                    printf("selectserver: socket %d hung up\n", i);
                    close(i);
                    FD_CLR(i, &master);
                    closed++;
                } else {
                    printf("socket %d: %.*s\n", i, nbytes, buf);
                    lines++;
                }
            }
        }
    }
    fd_set w;
    FD_ZERO(&w);
    FD_SET(1, &w);
    printf("stdout writable: %d, lines %d\n", select(2, NULL, &w, NULL, NULL), lines);
    return 0;
}
// expect: select -> 0, isset 0, tv 0.000000
// expect: selectserver: new connection on socket 4
// expect: socket 4: msg0
// expect: selectserver: new connection on socket 5
// expect: socket 5: msg1
// expect: selectserver: socket 4 hung up
// expect: selectserver: socket 5 hung up
// expect: stdout writable: 1, lines 2
