// net/socket.c, split by concern: socket creation and fd mapping (create.ts) and the
// connect/accept/send/recv system calls (io.ts).

export { __sock_create, sock_alloc, sock_create, sock_map_fd, sock_release, sys_socket } from './create';
export { inet_shutdown, inet_stream_connect, sock_recvmsg, sock_sendmsg, sys_accept4 } from './io';
