#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <netdb.h>

int main(void) {
    int codes[] = {0, EPERM, ENOENT, EINTR, EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, EINVAL, EMFILE, EPIPE,
                   ENOSYS, ENOTSOCK, EDESTADDRREQ, EMSGSIZE, EPROTONOSUPPORT, EOPNOTSUPP, EAFNOSUPPORT,
                   EADDRINUSE, EADDRNOTAVAIL, ENETUNREACH, ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN,
                   ENOTCONN, ETIMEDOUT, ECONNREFUSED, EHOSTUNREACH, EALREADY, EINPROGRESS, ECHILD, ESRCH,
                   EWOULDBLOCK, ENOPROTOOPT, ESHUTDOWN, ENOTTY, ERANGE, 200, -1};
    for (unsigned i = 0; i < sizeof codes / sizeof codes[0]; i++) printf("%d: %s\n", codes[i], strerror(codes[i]));
    for (int e = 1; e <= 133; e++) printf("%d=%s\n", e, strerror(e));
    int gai[] = {0, EAI_BADFLAGS, EAI_NONAME, EAI_AGAIN, EAI_FAIL, EAI_FAMILY, EAI_SOCKTYPE, EAI_SERVICE, EAI_MEMORY, EAI_SYSTEM, EAI_OVERFLOW, -100};
    for (unsigned i = 0; i < sizeof gai / sizeof gai[0]; i++) printf("gai %d: %s\n", gai[i], gai_strerror(gai[i]));
    errno = ECONNREFUSED;
    fflush(stdout);
    perror("connect");
    return 0;
}
