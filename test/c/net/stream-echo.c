/* A TCP echo over loopback: the parent listens, a forked child connects and talks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netdb.h>
#include <arpa/inet.h>

#define PORT "3490"

static int open_listener(void) {
    struct addrinfo hints, *res, *p;
    int fd = -1, yes = 1;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    if (getaddrinfo(NULL, PORT, &hints, &res) != 0) return -1;
    for (p = res; p != NULL; p = p->ai_next) {
        if ((fd = socket(p->ai_family, p->ai_socktype, p->ai_protocol)) == -1) continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (bind(fd, p->ai_addr, p->ai_addrlen) == -1) {
            close(fd);
            continue;
        }
        break;
    }
    freeaddrinfo(res);
    if (p == NULL || listen(fd, 10) == -1) return -1;
    return fd;
}

static void client(void) {
    struct addrinfo hints, *res;
    char buf[100];
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    getaddrinfo("localhost", PORT, &hints, &res);
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) == -1) {
        perror("client: connect");
        exit(1);
    }
    freeaddrinfo(res);
    send(fd, "Hello, world!", 13, 0);
    int n = recv(fd, buf, sizeof buf - 1, 0);
    buf[n] = '\0';
    printf("client: received '%s'\n", buf);
    n = recv(fd, buf, sizeof buf, 0);
    printf("client: then %d\n", n);
    close(fd);
    exit(0);
}

int main(void) {
    int sockfd = open_listener();
    if (sockfd == -1) {
        printf("server: failed to bind\n");
        return 1;
    }
    struct sockaddr_in me;
    socklen_t len = sizeof me;
    getsockname(sockfd, (struct sockaddr *)&me, &len);
    printf("server: listening on port %d (len %u)\n", ntohs(me.sin_port), len);
    fflush(stdout);

    pid_t pid = fork();
    if (pid == 0) client();

    struct sockaddr_storage their_addr;
    socklen_t sin_size = sizeof their_addr;
    int new_fd = accept(sockfd, (struct sockaddr *)&their_addr, &sin_size);
    char s[INET6_ADDRSTRLEN];
    struct sockaddr_in *peer = (struct sockaddr_in *)&their_addr;
    inet_ntop(their_addr.ss_family, &peer->sin_addr, s, sizeof s);
    printf("server: got connection from %s (len %u)\n", s, sin_size);
    fflush(stdout);
    char buf[100];
    int n = recv(new_fd, buf, sizeof buf, 0);
    printf("server: %d bytes\n", n);
    fflush(stdout);
    send(new_fd, buf, n, 0);
    close(new_fd);

    int status;
    pid_t done = waitpid(pid, &status, 0);
    printf("server: child %s, exit %d\n", done == pid ? "reaped" : "lost", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    close(sockfd);
    return 0;
}
// expect: server: listening on port 3490 (len 16)
// expect: server: got connection from 127.0.0.1 (len 16)
// expect: server: 13 bytes
// expect: client: received 'Hello, world!'
// expect: client: then 0
// expect: server: child reaped, exit 0
