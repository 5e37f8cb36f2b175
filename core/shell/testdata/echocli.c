/* An echo client for the shell tests: sends argv[2] to argv[1]:7007 and prints the reply. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s HOST TEXT\n", argv[0]); return 2; }
    struct hostent *h = gethostbyname(argv[1]);
    if (h == NULL) { fprintf(stderr, "%s: unknown host\n", argv[1]); return 2; }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(7007);
    memcpy(&a.sin_addr, h->h_addr_list[0], 4);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 1; }
    write(s, argv[2], strlen(argv[2]));
    char buf[256];
    int n = read(s, buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    printf("reply: %s\n", buf);
    close(s);
    return 0;
}
