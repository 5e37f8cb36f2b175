// nc (netcat) as a C program, with OpenBSD nc's messages: `nc HOST PORT` connects and copies
// standard input to the socket and the socket to standard output (poll on both), `nc -l PORT`
// accepts one connection first, and -u uses UDP. End of input half-closes a TCP connection.
import { cTool } from '../programs/tool';

/** NC_SOURCE is the C program nc runs. */
const NC_SOURCE = `#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <poll.h>
#include <errno.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static int usage(void) {
    fprintf(stderr, "usage: nc [-lu] [destination] [port]\\n");
    return 1;
}

int main(int argc, char **argv) {
    int listen_mode = 0, udp = 0;
    const char *args[2];
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != 0) {
            for (int k = 1; argv[i][k]; k++) {
                if (argv[i][k] == 'l') listen_mode = 1;
                else if (argv[i][k] == 'u') udp = 1;
                else if (argv[i][k] == 'n' || argv[i][k] == 'v') continue;
                else { fprintf(stderr, "nc: invalid option -- '%c'\\n", argv[i][k]); return usage(); }
            }
        } else if (nargs < 2) args[nargs++] = argv[i];
        else return usage();
    }
    if ((listen_mode && nargs != 1) || (!listen_mode && nargs != 2)) return usage();
    const char *port_text = args[nargs - 1];
    int port = atoi(port_text);
    if (port <= 0 || port > 65535) { fprintf(stderr, "nc: port number invalid: %s\\n", port_text); return 1; }
    int s = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    int conn = s;
    if (listen_mode) {
        int one = 1;
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("nc: bind"); return 1; }
        if (!udp) {
            listen(s, 1);
            conn = accept(s, NULL, NULL);
            if (conn < 0) { perror("nc: accept"); return 1; }
        }
    } else {
        struct hostent *h = gethostbyname(args[0]);
        if (h == NULL) { fprintf(stderr, "nc: getaddrinfo for host \\"%s\\" port %s: Name or service not known\\n", args[0], port_text); return 1; }
        memcpy(&a.sin_addr, h->h_addr_list[0], 4);
        if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
            fprintf(stderr, "nc: connect to %s port %s (%s) failed: %s\\n", args[0], port_text, udp ? "udp" : "tcp", strerror(errno));
            return 1;
        }
    }
    int stdin_open = 1;
    int peer_known = !(listen_mode && udp);
    char buf[1024];
    for (;;) {
        struct pollfd p[2];
        p[0].fd = stdin_open ? 0 : -1;
        p[0].events = POLLIN;
        p[1].fd = conn;
        p[1].events = POLLIN;
        if (poll(p, 2, -1) < 0) break;
        if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            int n;
            if (listen_mode && udp && !peer_known) {
                struct sockaddr_in from;
                socklen_t len = sizeof from;
                n = recvfrom(conn, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
                if (n > 0) { connect(conn, (struct sockaddr *)&from, sizeof from); peer_known = 1; }
            } else n = recv(conn, buf, sizeof buf, 0);
            if (n <= 0 && !udp) break;
            if (n > 0) write(1, buf, n);
        }
        if (stdin_open && (p[0].revents & (POLLIN | POLLHUP))) {
            int n = read(0, buf, sizeof buf);
            if (n <= 0) {
                stdin_open = 0;
                if (!udp) shutdown(conn, SHUT_WR);
            } else if (peer_known) send(conn, buf, n, 0);
        }
    }
    close(conn);
    return 0;
}
`;

/** nc connects to or listens on a port and copies between it and the terminal. */
export const nc = cTool({
  name: 'nc',
  summary: 'netcat: nc HOST PORT, nc -l PORT, -u for UDP',
  usage: 'nc [-u] HOST PORT | nc -l [-u] PORT',
  example: 'on server nc -l 7100',
  source: NC_SOURCE,
  root: false,
});
