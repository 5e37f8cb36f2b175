/* Lab kernel-versions: connect to 10.0.0.2 port 5000 and send "hello" once. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    return 0;
}
