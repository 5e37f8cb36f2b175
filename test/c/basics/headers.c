#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdbool.h>
#include <limits.h>
#include <time.h>

int main(void) {
    printf("hello, world\n"); // expect: hello, world
    printf("%zu %zu\n", sizeof(struct sockaddr_in), sizeof(struct sockaddr_storage)); // expect: 16 128
    printf("%d %ld\n", INT_MAX, LONG_MIN); // expect: 2147483647 -9223372036854775808
    bool ok = true;
    printf("%d\n", ok); // expect: 1
    return 0;
}
