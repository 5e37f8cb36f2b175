// ping as a C program: iputils ping's output (PING line, one line per echo reply, statistics).
// Like the setuid ping of the 3.10 era it runs as root and sends ICMP echo requests through a
// raw socket, so the trace shows raw_sendmsg and each reply's ttl comes from its IP header.
//
// Limit: a request nobody answers (an address without a host) leaves ping waiting in recv()
// until Ctrl-C, which prints the statistics as ping does.
import { cTool } from '../programs/tool';

/** PING_SOURCE is the C program ping runs. */
const PING_SOURCE = `#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static volatile int stop = 0;
static void on_int(int sig) { stop = 1; }

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1000000.0;
}

static unsigned short csum(unsigned char *p, int n) {
    unsigned long s = 0;
    for (int i = 0; i + 1 < n; i += 2) s += (p[i] << 8) | p[i + 1];
    if (n & 1) s += p[n - 1] << 8;
    while (s >> 16) s = (s & 0xffff) + (s >> 16);
    return (unsigned short)~s;
}

static double root(double x) {
    double r = x > 1 ? x : 1;
    if (x <= 0) return 0;
    for (int i = 0; i < 60; i++) r = (r + x / r) / 2;
    return r;
}

int main(int argc, char **argv) {
    int count = -1;
    const char *target = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            count = atoi(argv[++i]);
            if (count <= 0) { fprintf(stderr, "ping: invalid argument: '%s': out of range: 1 <= value <= 9223372036854775807\\n", argv[i]); return 1; }
        } else if (argv[i][0] == '-') { fprintf(stderr, "ping: invalid option -- '%s'\\n", argv[i] + 1); return 2; }
        else target = argv[i];
    }
    if (target == NULL) { fprintf(stderr, "ping: usage error: Destination address required\\n"); return 1; }
    struct hostent *h = gethostbyname(target);
    if (h == NULL) { fprintf(stderr, "ping: %s: Name or service not known\\n", target); return 2; }
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    memcpy(&to.sin_addr, h->h_addr_list[0], 4);
    char ip[16];
    strcpy(ip, inet_ntoa(to.sin_addr));
    int named = strcmp(ip, target) != 0;
    int s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (s < 0) { perror("ping: socket"); return 2; }
    struct timeval tv;
    tv.tv_sec = 1;
    tv.tv_usec = 0;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    signal(SIGINT, on_int);
    printf("PING %s (%s) 56(84) bytes of data.\\n", target, ip);
    int sent = 0, got = 0;
    double tmin = 0, tmax = 0, tsum = 0, tsq = 0;
    double start = now_ms();
    int ident = getpid() & 0xffff;
    while (!stop && (count < 0 || sent < count)) {
        unsigned char pkt[64];
        memset(pkt, 0, sizeof pkt);
        pkt[0] = 8;
        pkt[4] = ident >> 8; pkt[5] = ident & 0xff;
        sent++;
        pkt[6] = sent >> 8; pkt[7] = sent & 0xff;
        for (int i = 16; i < 64; i++) pkt[i] = i - 8;
        unsigned short c = csum(pkt, 64);
        pkt[2] = c >> 8; pkt[3] = c & 0xff;
        double t0 = now_ms();
        sendto(s, pkt, 64, 0, (struct sockaddr *)&to, sizeof to);
        double deadline = t0 + 1000;
        while (!stop) {
            unsigned char buf[256];
            int n = recv(s, buf, sizeof buf, 0);
            if (n < 0) break;
            int ihl = (buf[0] & 15) * 4;
            if (n < ihl + 8 || buf[ihl] != 0) continue;
            if (((buf[ihl + 4] << 8) | buf[ihl + 5]) != ident || ((buf[ihl + 6] << 8) | buf[ihl + 7]) != sent) continue;
            double rtt = now_ms() - t0;
            got++;
            if (got == 1 || rtt < tmin) tmin = rtt;
            if (rtt > tmax) tmax = rtt;
            tsum += rtt; tsq += rtt * rtt;
            if (named) printf("%d bytes from %s (%s): icmp_seq=%d ttl=%d time=%.3f ms\\n", n - ihl, target, ip, sent, buf[8], rtt);
            else printf("%d bytes from %s: icmp_seq=%d ttl=%d time=%.3f ms\\n", n - ihl, ip, sent, buf[8], rtt);
            break;
        }
        if (stop || (count >= 0 && sent >= count)) break;
        double left = deadline - now_ms();
        if (left > 0) usleep((int)(left * 1000));
    }
    double elapsed = now_ms() - start;
    printf("\\n--- %s ping statistics ---\\n", target);
    printf("%d packets transmitted, %d received, %d%% packet loss, time %dms\\n", sent, got, sent ? (sent - got) * 100 / sent : 0, (int)elapsed);
    if (got > 0) {
        double avg = tsum / got;
        printf("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\\n", tmin, avg, tmax, root(tsq / got - avg * avg));
    }
    close(s);
    return got > 0 ? 0 : 1;
}
`;

/** ping sends ICMP echo requests to a host and prints the replies: ping [-c N] HOST. */
export const ping = cTool({
  name: 'ping',
  summary: 'send ICMP echo requests: ping -c 3 server',
  usage: 'ping [-c COUNT] HOST',
  example: 'ping -c 3 server',
  source: PING_SOURCE,
  root: true,
});
