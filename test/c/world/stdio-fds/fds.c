/* read, write and close on the terminal's fds 0, 1 and 2 (no stdio buffering in between),
   end of input as read() = 0, and EBADF once fd 0 is closed. */
// stdin: typed
// expect: out
// expect: err
// expect: read 6: typed
// expect: read 0 at end of input
// expect: isatty(1) = 1
// expect: read: Bad file descriptor
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    char buf[32];
    write(1, "out\n", 4);
    write(2, "err\n", 4);
    int n = read(0, buf, sizeof buf - 1);
    buf[n > 0 ? n - 1 : 0] = '\0';
    printf("read %d: %s\n", n, buf);
    printf("read %d at end of input\n", (int)read(0, buf, sizeof buf));
    printf("isatty(1) = %d\n", isatty(1));
    close(0);
    if (read(0, buf, sizeof buf) == -1) perror("read");
    return 0;
}
