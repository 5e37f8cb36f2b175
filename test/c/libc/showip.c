/* showip-like: print the addresses of a few host names, in Beej's plain style. */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/in.h>

static int show(const char *host, int family) {
    struct addrinfo hints, *res, *p;
    int status;
    char ipstr[INET6_ADDRSTRLEN];

    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;

    if ((status = getaddrinfo(host, NULL, &hints, &res)) != 0) {
        printf("getaddrinfo %s: %s\n", host, gai_strerror(status));
        return 2;
    }

    printf("IP addresses for %s:\n", host);
    for (p = res; p != NULL; p = p->ai_next) {
        void *addr;
        char *ipver;
        if (p->ai_family == AF_INET) {
            struct sockaddr_in *ipv4 = (struct sockaddr_in *)p->ai_addr;
            addr = &(ipv4->sin_addr);
            ipver = "IPv4";
        } else {
            struct sockaddr_in6 *ipv6 = (struct sockaddr_in6 *)p->ai_addr;
            addr = &(ipv6->sin6_addr);
            ipver = "IPv6";
        }
        inet_ntop(p->ai_family, addr, ipstr, sizeof ipstr);
        printf("  %s: %s\n", ipver, ipstr);
    }
    freeaddrinfo(res);
    return 0;
}

int main(void) {
    show("server", AF_UNSPEC);
    show("client", AF_INET);
    show("localhost", AF_UNSPEC);
    show("10.0.0.7", AF_UNSPEC);
    show("::1", AF_UNSPEC);
    show("server", AF_INET6);
    show("nosuchhost", AF_UNSPEC);
    return 0;
}
// expect: IP addresses for server:
// expect:   IPv4: 10.0.0.2
// expect: IP addresses for client:
// expect:   IPv4: 10.0.0.1
// expect: IP addresses for localhost:
// expect:   IPv4: 127.0.0.1
// expect: IP addresses for 10.0.0.7:
// expect:   IPv4: 10.0.0.7
// expect: IP addresses for ::1:
// expect:   IPv6: ::1
// expect: getaddrinfo server: Name or service not known
// expect: getaddrinfo nosuchhost: Name or service not known
