/* Lab four-objects: create a TCP socket, then read its send buffer size with getsockopt. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    return 0;
}
