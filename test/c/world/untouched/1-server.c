/* Bytes of the program's buffer that a receive does not write keep their value, as on Linux
   (checked with gcc on this machine's kernel): TCP's MSG_TRUNC counts the bytes and discards
   them, and a short recv() or recvmsg() leaves the rest of its buffers alone. */
// host: server
// expect: recv MSG_TRUNC = 4: [xxxxxxxx]
// expect: recv = 3: [efgxxxxx]
// expect: recvmsg = 3 of 12: [hij-----] [------]
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>

int main(void) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in me;
    memset(&me, 0, sizeof me);
    me.sin_family = AF_INET;
    me.sin_port = htons(7007);
    me.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(l, (struct sockaddr *)&me, sizeof me) == -1) { perror("bind"); return 1; }
    listen(l, 1);
    int c = accept(l, NULL, NULL);

    char buf[9];
    memset(buf, 'x', 8);
    buf[8] = 0;
    int n = recv(c, buf, 4, MSG_TRUNC | MSG_WAITALL);
    printf("recv MSG_TRUNC = %d: [%s]\n", n, buf);
    n = recv(c, buf, 3, MSG_WAITALL);
    printf("recv = %d: [%s]\n", n, buf);

    char a[9], b[7];
    memset(a, '-', 8);
    a[8] = 0;
    memset(b, '-', 6);
    b[6] = 0;
    struct iovec in[2] = { { a, 6 }, { b, 6 } };
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_iov = in;
    m.msg_iovlen = 2;
    n = recvmsg(c, &m, 0);
    printf("recvmsg = %d of 12: [%s] [%s]\n", n, a, b);
    return 0;
}
