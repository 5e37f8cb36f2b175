/* fcntl: O_NONBLOCK set with F_SETFL makes recv fail with EAGAIN instead of sleeping, and
   F_GETFL reports it; FD_CLOEXEC through F_SETFD/F_GETFD; a closed fd is EBADF. */
// expect: flags before: O_RDWR
// expect: flags after: O_RDWR|O_NONBLOCK
// expect: recv: Resource temporarily unavailable
// expect: cloexec: 1
// expect: fcntl on fd 42: Bad file descriptor
#include <stdio.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/socket.h>
#include <netinet/in.h>

int main(void) {
    char buf[8];
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int flags = fcntl(s, F_GETFL);
    printf("flags before: %s\n", (flags & O_ACCMODE) == O_RDWR && !(flags & O_NONBLOCK) ? "O_RDWR" : "?");
    fcntl(s, F_SETFL, flags | O_NONBLOCK);
    flags = fcntl(s, F_GETFL);
    printf("flags after: %s\n", (flags & O_NONBLOCK) ? "O_RDWR|O_NONBLOCK" : "?");
    if (recv(s, buf, sizeof buf, 0) == -1) perror("recv");
    fcntl(s, F_SETFD, FD_CLOEXEC);
    printf("cloexec: %d\n", fcntl(s, F_GETFD));
    if (fcntl(42, F_GETFL) == -1) perror("fcntl on fd 42");
    return 0;
}
