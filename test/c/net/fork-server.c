/* Beej-style fork server: SIGCHLD reaping with sigaction, one child per connection; three
   clients (forked from the main program) each get "Hello, world!". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int reaped = 0;

void sigchld_handler(int s) {
    (void)s;
    int saved_errno = errno;
    while (waitpid(-1, NULL, WNOHANG) > 0) reaped++;
    errno = saved_errno;
}

void run_client(int id) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(3490);
    inet_pton(AF_INET, "10.0.0.2", &sa.sin_addr);
    sleep(id);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == -1) {
        perror("connect");
        exit(1);
    }
    char buf[32];
    int n = recv(fd, buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("client %d: %s\n", id, buf);
    close(fd);
    exit(0);
}

int main(void) {
    int sockfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(3490);
    sa.sin_addr.s_addr = INADDR_ANY;
    if (bind(sockfd, (struct sockaddr *)&sa, sizeof sa) == -1 || listen(sockfd, 10) == -1) {
        perror("server");
        return 1;
    }
    struct sigaction act;
    act.sa_handler = sigchld_handler;
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_RESTART;
    if (sigaction(SIGCHLD, &act, NULL) == -1) {
        perror("sigaction");
        exit(1);
    }
    for (int i = 1; i <= 3; i++)
        if (fork() == 0) run_client(i);

    printf("server: waiting for connections...\n");
    for (int served = 0; served < 3; served++) {
        int new_fd = accept(sockfd, NULL, NULL);
        if (new_fd == -1) {
            perror("accept");
            continue;
        }
        if (!fork()) {
            close(sockfd);
            send(new_fd, "Hello, world!", 13, 0);
            close(new_fd);
            exit(0);
        }
        close(new_fd);
    }
    while (reaped < 6) sleep(1);
    printf("server: reaped %d children\n", reaped);
    printf("server: wait now says %d (errno %s)\n", wait(NULL), strerror(errno));
    return 0;
}
// expect: server: waiting for connections...
// expect: client 1: Hello, world!
// expect: client 2: Hello, world!
// expect: client 3: Hello, world!
// expect: server: reaped 6 children
// expect: server: wait now says -1 (errno No child processes)
