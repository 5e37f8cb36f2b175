#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(5000);
    inet_pton(AF_INET, "10.0.0.2", &a.sin_addr);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 2; }
    send(s, argc > 1 ? argv[1] : "ping", argc > 1 ? strlen(argv[1]) : 4, 0);
    char buf[64];
    int n = recv(s, buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("client got \"%s\"\n", buf);
    close(s);
    return 7;
}
