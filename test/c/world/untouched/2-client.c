/* Sends ten bytes in one segment to the server of 1-server.c. */
// expect: sent 10
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(7007);
    inet_pton(AF_INET, "10.0.0.2", &to.sin_addr);
    if (connect(s, (struct sockaddr *)&to, sizeof to) == -1) { perror("connect"); return 1; }
    printf("sent %d\n", (int)send(s, "abcdefghij", 10, 0));
    sleep(1);
    close(s);
    return 0;
}
