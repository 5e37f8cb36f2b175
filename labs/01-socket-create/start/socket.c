/* Lab socket-create: create the sockets each step asks for and print what you get. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    /* Step 1: a TCP socket with protocol 0; print "tcp fd = N". */

    return 0;
}
