/* alarm and SIGALRM with sigaction (no SA_RESTART): the alarm interrupts a recvfrom that
   would wait for ever, the handler runs, recvfrom fails with EINTR after 2 simulated seconds. */
// expect: waiting
// expect: handler got signal 14
// expect: recvfrom: Interrupted system call
// expect: elapsed 2 s
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>

static volatile int got;

static void on_alarm(int sig) {
    got = sig;
}

int main(void) {
    struct sigaction sa;
    char buf[16];
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in me;
    memset(&me, 0, sizeof me);
    me.sin_family = AF_INET;
    me.sin_port = htons(6000);
    bind(s, (struct sockaddr *)&me, sizeof me);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);

    time_t start = time(NULL);
    alarm(2);
    printf("waiting\n");
    if (recvfrom(s, buf, sizeof buf, 0, NULL, NULL) == -1) {
        printf("handler got signal %d\n", got);
        perror("recvfrom");
    }
    printf("elapsed %d s\n", (int)(time(NULL) - start));
    return 0;
}
