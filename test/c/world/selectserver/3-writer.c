/*
** writer.c -- a chat client that connects to the chat server on port 9034, waits a second so
** the other client is surely connected, says hello, and leaves a second later.
*/
// expect: writer: sent 17 bytes
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void)
{
    struct sockaddr_in sa;
    char *msg = "hello from writer";
    int sockfd, n;

    sockfd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9034);
    inet_pton(AF_INET, "10.0.0.2", &sa.sin_addr);
    if (connect(sockfd, (struct sockaddr *)&sa, sizeof sa) == -1) {
        perror("writer: connect");
        return 1;
    }
    sleep(1);
    if ((n = send(sockfd, msg, strlen(msg), 0)) == -1) {
        perror("send");
        return 1;
    }
    printf("writer: sent %d bytes\n", n);
    sleep(1);
    close(sockfd);
    return 0;
}
