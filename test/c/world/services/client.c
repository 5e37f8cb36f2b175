/* The default world's services on server, from a client: TCP echo, discard and daytime,
   UDP echo and daytime, and a GET from the HTTP server on port 80. */
// services: inetd
// expect: tcp echo: [ping]
// expect: tcp discard: sent 7, closed by us
// expect: tcp daytime: [Mon Jan  1 00:00:00 2024]
// expect: udp echo: [pong]
// expect: udp daytime: [Mon Jan  1 00:00:00 2024]
// expect: http: HTTP/1.0 200 OK
// expect: http body: <html><body><h1>It works!</h1><p>SockLab's server answers on port 80.</p></body></html>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static struct sockaddr_in to(int port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    return a;
}

static int dial(int port) {
    struct sockaddr_in a = to(port);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&a, sizeof a) == -1) {
        perror("connect");
        return -1;
    }
    return s;
}

/* readall reads until the peer closes, keeping at most len - 1 bytes. */
static int readall(int s, char *buf, int len) {
    int got = 0, n;
    while ((n = recv(s, buf + got, len - 1 - got, 0)) > 0)
        got += n;
    buf[got] = 0;
    return got;
}

static void chomp(char *s) {
    s[strcspn(s, "\r\n")] = 0;
}

int main(void) {
    char buf[512];
    int s, n;

    s = dial(7);
    send(s, "ping", 4, 0);
    n = recv(s, buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("tcp echo: [%s]\n", buf);
    close(s);

    s = dial(9);
    printf("tcp discard: sent %d, closed by us\n", (int)send(s, "nothing", 7, 0));
    close(s);

    s = dial(13);
    readall(s, buf, sizeof buf);
    chomp(buf);
    printf("tcp daytime: [%s]\n", buf);
    close(s);

    struct sockaddr_in echo = to(7), day = to(13);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    sendto(s, "pong", 4, 0, (struct sockaddr *)&echo, sizeof echo);
    n = recvfrom(s, buf, sizeof buf - 1, 0, NULL, NULL);
    buf[n] = 0;
    printf("udp echo: [%s]\n", buf);
    sendto(s, "", 0, 0, (struct sockaddr *)&day, sizeof day);
    n = recvfrom(s, buf, sizeof buf - 1, 0, NULL, NULL);
    buf[n] = 0;
    chomp(buf);
    printf("udp daytime: [%s]\n", buf);
    close(s);

    s = dial(80);
    char *req = "GET / HTTP/1.0\r\nHost: server\r\n\r\n";
    send(s, req, strlen(req), 0);
    readall(s, buf, sizeof buf);
    char *body = strstr(buf, "\r\n\r\n");
    chomp(buf);
    printf("http: %s\n", buf);
    printf("http body: %s", body + 4);
    close(s);
    return 0;
}
