/* UDP listener and talker, as Beej's listener.c and talker.c, in one program. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netdb.h>
#include <arpa/inet.h>

#define SERVERPORT "4950"

int main(void) {
    struct addrinfo hints, *servinfo;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_PASSIVE;
    getaddrinfo(NULL, SERVERPORT, &hints, &servinfo);
    int sockfd = socket(servinfo->ai_family, servinfo->ai_socktype, servinfo->ai_protocol);
    bind(sockfd, servinfo->ai_addr, servinfo->ai_addrlen);
    freeaddrinfo(servinfo);

    if (fork() == 0) {
        hints.ai_flags = 0;
        getaddrinfo("server", SERVERPORT, &hints, &servinfo);
        int fd = socket(servinfo->ai_family, servinfo->ai_socktype, servinfo->ai_protocol);
        int n = sendto(fd, "hello udp", 9, 0, servinfo->ai_addr, servinfo->ai_addrlen);
        printf("talker: sent %d bytes to server\n", n);
        fflush(stdout);
        freeaddrinfo(servinfo);
        close(fd);
        exit(0);
    }
    printf("listener: waiting to recvfrom...\n");
    fflush(stdout);
    char buf[100];
    struct sockaddr_storage their_addr;
    socklen_t addr_len = sizeof their_addr;
    int numbytes = recvfrom(sockfd, buf, sizeof buf - 1, 0, (struct sockaddr *)&their_addr, &addr_len);
    buf[numbytes] = '\0';
    struct sockaddr_in *from = (struct sockaddr_in *)&their_addr;
    printf("listener: packet is %d bytes long, family %d, addr_len %u, port %s\n", numbytes, their_addr.ss_family,
           addr_len, ntohs(from->sin_port) >= 40000 ? "ephemeral" : "fixed");
    printf("listener: packet contains \"%s\"\n", buf);
    wait(NULL);
    close(sockfd);
    return 0;
}
// expect: listener: waiting to recvfrom...
// expect: talker: sent 9 bytes to server
// expect: listener: packet is 9 bytes long, family 2, addr_len 16, port ephemeral
// expect: listener: packet contains "hello udp"
