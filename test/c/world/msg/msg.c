/* sendmsg and recvmsg with two iovecs each over UDP on the loopback, msg_name filled in
   by recvmsg, MSG_TRUNC when the datagram is longer than the buffers, and socketpair,
   which AF_INET refuses (Linux has it only for AF_UNIX). */
// expect: sendmsg = 11
// expect: recvmsg = 11 from 127.0.0.1 namelen 16: [hello] [ world] flags 0
// expect: recvmsg = 4 of 11: [hell] flags MSG_TRUNC
// expect: socketpair: Operation not supported
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in me, from;
    memset(&me, 0, sizeof me);
    me.sin_family = AF_INET;
    me.sin_port = htons(5555);
    inet_pton(AF_INET, "127.0.0.1", &me.sin_addr);
    if (bind(s, (struct sockaddr *)&me, sizeof me) == -1) { perror("bind"); return 1; }

    struct iovec out[2] = { { "hello", 5 }, { " world", 6 } };
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_name = &me;
    m.msg_namelen = sizeof me;
    m.msg_iov = out;
    m.msg_iovlen = 2;
    printf("sendmsg = %d\n", (int)sendmsg(s, &m, 0));
    sendmsg(s, &m, 0);

    char a[6] = "", b[7] = "";
    struct iovec in[2] = { { a, 5 }, { b, 6 } };
    struct msghdr r;
    memset(&r, 0, sizeof r);
    r.msg_name = &from;
    r.msg_namelen = sizeof from;
    r.msg_iov = in;
    r.msg_iovlen = 2;
    int n = recvmsg(s, &r, 0);
    printf("recvmsg = %d from %s namelen %d: [%s] [%s] flags %d\n", n, inet_ntoa(from.sin_addr), (int)r.msg_namelen, a, b, r.msg_flags);

    char c[5] = "";
    struct iovec small = { c, 4 };
    r.msg_iov = &small;
    r.msg_iovlen = 1;
    n = recvmsg(s, &r, 0);
    printf("recvmsg = %d of 11: [%s] flags %s\n", n, c, (r.msg_flags & MSG_TRUNC) ? "MSG_TRUNC" : "none");

    int sv[2];
    if (socketpair(AF_INET, SOCK_STREAM, 0, sv) == -1) perror("socketpair");
    return 0;
}
