/* getservbyname over SockLab's /etc/services, h_errno with hstrerror and herror after a failed
   gethostbyname, and getenv in SockLab's empty environment. */
// expect: http/tcp port 80
// expect: nope: NULL
// expect: he NULL h_errno 1 Unknown host
// expect: gethostbyname: Unknown host
// expect: HOME unset
#include <stdio.h>
#include <stdlib.h>
#include <netdb.h>
#include <arpa/inet.h>
int main(void) {
    struct servent *se = getservbyname("http", "tcp");
    printf("%s/%s port %d\n", se->s_name, se->s_proto, ntohs(se->s_port));
    printf("nope: %s\n", getservbyname("nope", "tcp") == NULL ? "NULL" : "found");
    struct hostent *he = gethostbyname("nosuchhost");
    printf("he %s h_errno %d %s\n", he == NULL ? "NULL" : "set", h_errno, hstrerror(h_errno));
    herror("gethostbyname");
    printf("HOME %s\n", getenv("HOME") == NULL ? "unset" : "set");
    return 0;
}
