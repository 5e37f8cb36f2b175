#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(5000);
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("bind"); return 1; }
    if (listen(s, 5) < 0) { perror("listen"); return 1; }
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    int c = accept(s, (struct sockaddr *)&peer, &len);
    if (c < 0) { perror("accept"); return 1; }
    char buf[64];
    int n = recv(c, buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("server got \"%s\" from %s\n", buf, inet_ntoa(peer.sin_addr));
    send(c, "pong", 4, 0);
    close(c);
    close(s);
    return 0;
}
