/* sockopt: options whose value is not an int reach the kernel as the bytes the program passed:
   SO_RCVTIMEO's struct timeval makes recv give up with EAGAIN after the timeout (in simulated
   time) and reads back as set; TCP_CONGESTION takes and returns a module name (before a
   connection, 2.6.32 and 3.10 report the placeholder's empty name, so this sets one first); an
   unknown module is ENOENT. */
// expect: set SO_RCVTIMEO: 0
// expect: recv: Resource temporarily unavailable after 1.500 s
// expect: SO_RCVTIMEO reads back 1 s 500000 us, optlen 16
// expect: set reno: 0, now reno
// expect: set bbr: No such file or directory
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
    char buf[16];
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct timeval tv = { .tv_sec = 1, .tv_usec = 500000 };
    printf("set SO_RCVTIMEO: %d\n", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    double start = now();
    if (recv(u, buf, sizeof buf, 0) == -1)
        printf("recv: %s after %.3f s\n", strerror(errno), now() - start);
    struct timeval back;
    socklen_t len = sizeof back;
    getsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &back, &len);
    printf("SO_RCVTIMEO reads back %ld s %ld us, optlen %u\n", (long)back.tv_sec, (long)back.tv_usec, len);

    int t = socket(AF_INET, SOCK_STREAM, 0);
    char name[16] = "";
    int r = setsockopt(t, IPPROTO_TCP, TCP_CONGESTION, "reno", 4);
    len = sizeof name;
    getsockopt(t, IPPROTO_TCP, TCP_CONGESTION, name, &len);
    printf("set reno: %d, now %s\n", r, name);
    if (setsockopt(t, IPPROTO_TCP, TCP_CONGESTION, "bbr", 3) == -1) printf("set bbr: %s\n", strerror(errno));
    return 0;
}
