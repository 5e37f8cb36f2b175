/* Lab receive-path: listen on port 5000, accept one connection, recv() and print what came. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>


int main(void) {
    return 0;
}
