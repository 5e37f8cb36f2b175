// net/socket.c, split by concern: socket creation and fd mapping (create.ts), connect, accept
// and shutdown (io.ts), sendmsg/recvmsg dispatch (msg.ts, dgram.ts), poll (poll.ts) and the
// wait helpers every blocking call shares (wait.ts).

export { __sock_create, sock_alloc, sock_create, sock_map_fd, sock_release, sys_socket } from './create';
export { inet_shutdown, inet_stream_connect, sys_accept4 } from './io';
export { sock_recvmsg, sock_sendmsg } from './msg';
export { DGRAM_PROTOS, type RecvInfo } from './dgram';
