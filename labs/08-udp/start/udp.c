/* Lab udp: send datagrams to 10.0.0.2 port 6000 with sendto(), then to the closed port 6001
   from a connected socket, as the steps explain. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    return 0;
}
