// The default world's standard services on `server` (DESIGN.md "Hosts and network"): one C
// program, `inetd`, run as root like the real inetd with its built-in services — echo (TCP and
// UDP 7), discard (TCP and UDP 9), daytime (TCP and UDP 13) — plus a tiny HTTP server on TCP 80.
// It selects over its listeners and forks a child per TCP connection, so students see ordinary
// processes and syscalls in the trace. startServices compiles it once per parser.

import type { CParser, CompiledProgram } from '../lang/index';
import { compileProgram } from '../lang/index';
import type { Exec } from './exec';
import { credsFor, type Proc } from './proc';

/** INETD_SOURCE is the services program's C source. */
export const INETD_SOURCE = String.raw`/* inetd: echo, discard and daytime over TCP and UDP, and HTTP on TCP 80. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>

enum { ECHO = 7, DISCARD = 9, DAYTIME = 13, HTTP = 80 };

static const char page[] = "<html><body><h1>It works!</h1><p>SockLab's server answers on port 80.</p></body></html>\n";

static void reap(int sig) {
    int saved = errno;
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    errno = saved;
}

static int listener(int type, int port) {
    struct sockaddr_in a;
    int one = 1;
    int s = socket(AF_INET, type, 0);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(s, (struct sockaddr *)&a, sizeof a) == -1) {
        perror("inetd: bind");
        exit(1);
    }
    if (type == SOCK_STREAM)
        listen(s, 16);
    return s;
}

/* daytime writes the time as daytime(13) servers do, e.g. "Mon Jan  1 00:00:00 2024\r\n". */
static int daytime(char *out) {
    static const char *days[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    long t = (long)time(NULL);
    long d = t / 86400, rest = t % 86400;
    int year = 1970, month = 0;
    const char *wday = days[d % 7];
    for (;;) {
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (d < 365 + leap)
            break;
        d -= 365 + leap;
        year++;
    }
    for (;;) {
        int leap = month == 1 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
        if (d < mdays[month] + leap)
            break;
        d -= mdays[month] + leap;
        month++;
    }
    return sprintf(out, "%s %s %2ld %02ld:%02ld:%02ld %d\r\n", wday, months[month], d + 1,
                   rest / 3600, rest / 60 % 60, rest % 60, year);
}

static void serve_tcp(int c, int port) {
    char buf[1024];
    int n;
    if (port == DAYTIME) {
        n = daytime(buf);
        send(c, buf, n, 0);
    } else if (port == HTTP) {
        int got = 0;
        while (got < (int)sizeof buf - 1 && (n = recv(c, buf + got, sizeof buf - 1 - got, 0)) > 0) {
            got += n;
            buf[got] = 0;
            if (strstr(buf, "\r\n\r\n") || strstr(buf, "\n\n"))
                break;
        }
        n = sprintf(buf, "HTTP/1.0 200 OK\r\nServer: socklab-inetd\r\nContent-Type: text/html\r\n"
                         "Content-Length: %d\r\n\r\n", (int)strlen(page));
        send(c, buf, n, 0);
        send(c, page, strlen(page), 0);
    } else {
        while ((n = recv(c, buf, sizeof buf, 0)) > 0)
            if (port == ECHO)
                send(c, buf, n, 0);
    }
    close(c);
}

static void serve_udp(int s, int port) {
    char buf[2048];
    struct sockaddr_in from;
    socklen_t len = sizeof from;
    int n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
    if (n < 0)
        return;
    if (port == DAYTIME)
        n = daytime(buf);
    if (port != DISCARD)
        sendto(s, buf, n, 0, (struct sockaddr *)&from, len);
}

int main(void) {
    static const int ports[] = { ECHO, DISCARD, DAYTIME, HTTP };
    int tcp[4], udp[3], i, maxfd = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = reap;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    for (i = 0; i < 4; i++) {
        tcp[i] = listener(SOCK_STREAM, ports[i]);
        if (tcp[i] > maxfd) maxfd = tcp[i];
    }
    for (i = 0; i < 3; i++) {
        udp[i] = listener(SOCK_DGRAM, ports[i]);
        if (udp[i] > maxfd) maxfd = udp[i];
    }
    for (;;) {
        fd_set rd;
        FD_ZERO(&rd);
        for (i = 0; i < 4; i++) FD_SET(tcp[i], &rd);
        for (i = 0; i < 3; i++) FD_SET(udp[i], &rd);
        if (select(maxfd + 1, &rd, NULL, NULL, NULL) == -1) {
            if (errno == EINTR) continue;
            perror("inetd: select");
            return 1;
        }
        for (i = 0; i < 3; i++)
            if (FD_ISSET(udp[i], &rd))
                serve_udp(udp[i], ports[i]);
        for (i = 0; i < 4; i++) {
            if (FD_ISSET(tcp[i], &rd)) {
                int c = accept(tcp[i], NULL, NULL);
                if (c == -1) continue;
                if (fork() == 0) {
                    int j;
                    for (j = 0; j < 4; j++) close(tcp[j]);
                    for (j = 0; j < 3; j++) close(udp[j]);
                    serve_tcp(c, ports[i]);
                    exit(0);
                }
                close(c);
            }
        }
    }
}
`;

const compiled = new WeakMap<CParser, CompiledProgram>();

/** inetdProgram compiles INETD_SOURCE (once per parser). */
export function inetdProgram(parser: CParser): CompiledProgram {
  let p = compiled.get(parser);
  if (p === undefined) {
    const out = compileProgram(parser, { path: 'inetd.c', text: INETD_SOURCE });
    if (out.program === undefined)
      throw new Error(`inetd.c does not compile: ${JSON.stringify(out.diagnostics)}`);
    p = out.program;
    compiled.set(parser, p);
  }
  return p;
}

/** startServices starts inetd as root on `host` (default server) and returns its process. */
export function startServices(exec: Exec, parser: CParser, host = 'server'): Proc {
  return exec.spawn(inetdProgram(parser), {
    host,
    argv: ['inetd'],
    creds: credsFor(0),
    stdout: () => {},
    stderr: () => {},
    tty: false,
  });
}
