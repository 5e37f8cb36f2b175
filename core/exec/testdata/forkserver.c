#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>

void sigchld_handler(int s) {
    (void)s;
    while (waitpid(-1, NULL, WNOHANG) > 0);
}

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(5000);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("bind"); exit(1); }
    listen(s, 10);
    struct sigaction sa;
    sa.sa_handler = sigchld_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    for (int i = 0; i < 2; i++) {
        int c = accept(s, NULL, NULL);
        if (c == -1) { perror("accept"); continue; }
        if (!fork()) {
            close(s);
            char buf[32];
            int n = recv(c, buf, sizeof buf - 1, 0);
            buf[n] = 0;
            printf("child %d served %s\n", i, buf);
            send(c, "pong", 4, 0);
            close(c);
            exit(0);
        }
        close(c);
    }
    int status;
    while (wait(&status) > 0) ;
    printf("server done\n");
    return 0;
}
