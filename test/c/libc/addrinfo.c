/* getaddrinfo's list: one entry per socket type, AI_PASSIVE, services, errors, layout. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include <sys/socket.h>
#include <netdb.h>
#include <arpa/inet.h>

static void list(const char *node, const char *service, int flags, int socktype) {
    struct addrinfo hints, *res, *p;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = socktype;
    hints.ai_flags = flags;
    int rv = getaddrinfo(node, service, &hints, &res);
    if (rv != 0) {
        printf("%s/%s: %s\n", node ? node : "NULL", service ? service : "NULL", gai_strerror(rv));
        return;
    }
    for (p = res; p != NULL; p = p->ai_next) {
        struct sockaddr_in *sin = (struct sockaddr_in *)p->ai_addr;
        printf("%s/%s: family %d type %d proto %d len %u %s:%d%s%s\n", node ? node : "NULL",
               service ? service : "NULL", p->ai_family, p->ai_socktype, p->ai_protocol, p->ai_addrlen,
               inet_ntoa(sin->sin_addr), ntohs(sin->sin_port), p->ai_canonname ? " canon " : "",
               p->ai_canonname ? p->ai_canonname : "");
    }
    freeaddrinfo(res);
}

int main(void) {
    printf("sizeof %zu next at %zu addr at %zu\n", sizeof(struct addrinfo), offsetof(struct addrinfo, ai_next),
           offsetof(struct addrinfo, ai_addr));
    list("server", "http", 0, 0);
    list(NULL, "3490", AI_PASSIVE, SOCK_STREAM);
    list(NULL, "7", 0, SOCK_DGRAM);
    list("client", "echo", AI_CANONNAME, SOCK_STREAM);
    list("server", "nosuchservice", 0, SOCK_STREAM);
    list("server", "http", AI_NUMERICSERV, SOCK_STREAM);
    list("server", NULL, AI_NUMERICHOST, SOCK_STREAM);
    list(NULL, NULL, 0, 0);

    struct hostent *he = gethostbyname("server");
    printf("%s %d %d %s\n", he->h_name, he->h_addrtype, he->h_length, inet_ntoa(*(struct in_addr *)he->h_addr));
    printf("%p %d\n", (void *)gethostbyname("nowhere"), h_errno);

    struct sockaddr_in sa;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(80);
    inet_pton(AF_INET, "10.0.0.1", &sa.sin_addr);
    getnameinfo((struct sockaddr *)&sa, sizeof sa, host, sizeof host, serv, sizeof serv, 0);
    printf("%s %s\n", host, serv);
    getnameinfo((struct sockaddr *)&sa, sizeof sa, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV);
    printf("%s %s\n", host, serv);
    return 0;
}
// expect: sizeof 48 next at 40 addr at 24
// expect: server/http: family 2 type 1 proto 6 len 16 10.0.0.2:80
// expect: server/http: family 2 type 2 proto 17 len 16 10.0.0.2:80
// expect: server/http: family 2 type 3 proto 0 len 16 10.0.0.2:80
// expect: NULL/3490: family 2 type 1 proto 6 len 16 0.0.0.0:3490
// expect: NULL/7: family 2 type 2 proto 17 len 16 127.0.0.1:7
// expect: client/echo: family 2 type 1 proto 6 len 16 10.0.0.1:7 canon client
// expect: server/nosuchservice: Servname not supported for ai_socktype
// expect: server/http: Name or service not known
// expect: server/NULL: Name or service not known
// expect: NULL/NULL: Name or service not known
// expect: server 2 4 10.0.0.2
// expect: (nil) 1
// expect: client http
// expect: 10.0.0.1 80
