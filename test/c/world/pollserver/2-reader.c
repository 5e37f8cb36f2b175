/*
** reader.c -- a chat client that connects to the chat server on port 9034, prints the first
** message another client sends through it, and leaves.
*/
// expect: reader: connected
// expect: reader: got 'hello from writer'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>

int main(void)
{
    struct addrinfo hints, *res;
    char buf[100];
    int sockfd, n, rv;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if ((rv = getaddrinfo("server", "9034", &hints, &res)) != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rv));
        return 1;
    }
    sockfd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(sockfd, res->ai_addr, res->ai_addrlen) == -1) {
        perror("reader: connect");
        return 1;
    }
    freeaddrinfo(res);
    printf("reader: connected\n");
    if ((n = recv(sockfd, buf, sizeof buf - 1, 0)) == -1) {
        perror("recv");
        return 1;
    }
    buf[n] = '\0';
    printf("reader: got '%s'\n", buf);
    close(sockfd);
    return 0;
}
