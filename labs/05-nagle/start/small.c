/* Lab nagle: connect to 10.0.0.2 port 5000 and send "aaaaaaaaaa", "bbbbbbbbbb" and
   "cccccccccc" as three small writes; the first argument ("nodelay", "cork", "more")
   chooses how, as the steps explain. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "nagle";
    (void)mode;
    return 0;
}
