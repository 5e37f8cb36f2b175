// ping as a C program: iputils ping's output (PING line, one line per echo reply, statistics).
// Like the setuid ping of the 3.10 era it runs as root and sends ICMP echo requests through a
// raw socket, so the trace shows raw_sendmsg and each reply's ttl comes from its IP header.
// When ARP for the target fails, the kernel sends this host an ICMP host unreachable per
// queued request (arp_error_report); ping prints iputils' `From ADDR icmp_seq=N Destination
// Host Unreachable` lines and `+N errors` / `pipe N` in the statistics.
//
// Limit: iputils sets IP_RECVERR and takes those errors from the socket's error queue
// (MSG_ERRQUEUE), ignoring the raw copy of the ICMP message its raw socket also receives; the
// simulated kernel has no error queue, so this ping reads the raw copy and prints the line
// iputils prints for the queued error. After the last request it waits 10 s when nothing came
// back (iputils' linger time), else twice the longest round trip (at least 1 s).
import { cTool } from '../programs/tool';

/** PING_SOURCE is the C program ping runs. */
const PING_SOURCE = `#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <poll.h>
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

/* pr_icmph's text for an ICMP error type and code (the codes an IPv4 host sends). */
static const char *icmp_text(int type, int code) {
    static const char *unreach[] = { "Destination Net Unreachable", "Destination Host Unreachable",
        "Destination Protocol Unreachable", "Destination Port Unreachable" };
    if (type == 3 && code >= 0 && code < 4) return unreach[code];
    if (type == 3 && code == 13) return "Packet filtered";
    if (type == 11 && code == 0) return "Time to live exceeded";
    if (type == 11 && code == 1) return "Frag reassembly time exceeded";
    return NULL;
}

/* pr_addr: the address alone for a numeric target, else "name (address)" as the hosts table resolves it. */
static const char *pr_addr(unsigned char *a, int numeric, char *out) {
    struct sockaddr_in sa;
    char name[64], ip[16];
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    memcpy(&sa.sin_addr, a, 4);
    strcpy(ip, inet_ntoa(sa.sin_addr));
    if (numeric || getnameinfo((struct sockaddr *)&sa, sizeof sa, name, sizeof name, NULL, 0, 0) != 0) strcpy(out, ip);
    else sprintf(out, "%s (%s)", name, ip);
    return out;
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
    char ip[16], who[96];
    strcpy(ip, inet_ntoa(to.sin_addr));
    int numeric = strcmp(ip, target) == 0;
    int s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (s < 0) { perror("ping: socket"); return 2; }
    signal(SIGINT, on_int);
    printf("PING %s (%s) 56(84) bytes of data.\\n", target, ip);
    struct pollfd pfd;
    int sent = 0, got = 0, errors = 0, pipesize = 1;
    double tmin = 0, tmax = 0, tsum = 0, tsq = 0;
    double start = now_ms(), last_send = start, next_send = start, sent_at[1024];
    int ident = getpid() & 0xffff;
    while (!stop) {
        if ((count < 0 || sent < count) && now_ms() >= next_send) {
            unsigned char pkt[64];
            memset(pkt, 0, sizeof pkt);
            pkt[0] = 8;
            pkt[4] = ident >> 8; pkt[5] = ident & 0xff;
            sent++;
            pkt[6] = sent >> 8; pkt[7] = sent & 0xff;
            for (int i = 16; i < 64; i++) pkt[i] = i - 8;
            unsigned short c = csum(pkt, 64);
            pkt[2] = c >> 8; pkt[3] = c & 0xff;
            last_send = now_ms();
            sent_at[sent % 1024] = last_send;
            next_send += 1000;
            sendto(s, pkt, 64, 0, (struct sockaddr *)&to, sizeof to);
        }
        if (count >= 0 && got + errors >= count) break;
        /* After the last request: wait 2 * tmax (at least the interval) once something came back, else 10 s. */
        double until = next_send;
        if (count >= 0 && sent >= count) until = last_send + (got > 0 ? (2 * tmax > 1000 ? 2 * tmax : 1000) : 10000);
        double left = until - now_ms();
        if (left <= 0) {
            if (count >= 0 && sent >= count) break;
            continue;
        }
        /* As iputils' main loop: poll until the next event is due, then read without blocking. */
        pfd.fd = s;
        pfd.events = POLLIN;
        pfd.revents = 0;
        int wait_ms = (int)left;
        if (wait_ms < left) wait_ms++;
        if (poll(&pfd, 1, wait_ms) <= 0) continue;
        unsigned char buf[256];
        int n = recv(s, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0) continue;
        int ihl = (buf[0] & 15) * 4;
        if (n < ihl + 8) continue;
        unsigned char *icmp = buf + ihl;
        if (icmp[0] == 0) {
            if (((icmp[4] << 8) | icmp[5]) != ident) continue;
            int seq = (icmp[6] << 8) | icmp[7];
            double rtt = now_ms() - sent_at[seq % 1024];
            got++;
            if (got == 1 || rtt < tmin) tmin = rtt;
            if (rtt > tmax) tmax = rtt;
            tsum += rtt; tsq += rtt * rtt;
            printf("%d bytes from %s: icmp_seq=%d ttl=%d time=%.3f ms\\n", n - ihl, pr_addr(buf + 12, numeric, who), seq, buf[8], rtt);
            continue;
        }
        /* An ICMP error quoting one of our echo requests (the IP header and the first 8 bytes). */
        const char *text = icmp_text(icmp[0], icmp[1]);
        unsigned char *inner = icmp + 8;
        if (text == NULL || n < ihl + 8 + 20) continue;
        int iihl = (inner[0] & 15) * 4;
        unsigned char *echo = inner + iihl;
        if (n < ihl + 8 + iihl + 8 || inner[9] != 1 || memcmp(inner + 16, &to.sin_addr, 4) != 0) continue;
        if (echo[0] != 8 || ((echo[4] << 8) | echo[5]) != ident) continue;
        int seq = (echo[6] << 8) | echo[7];
        if (sent - seq + 1 > pipesize) pipesize = sent - seq + 1;
        errors++;
        printf("From %s icmp_seq=%d %s\\n", pr_addr(buf + 12, numeric, who), seq, text);
    }
    printf("\\n--- %s ping statistics ---\\n", target);
    printf("%d packets transmitted, %d received", sent, got);
    if (errors > 0) printf(", +%d errors", errors);
    if (sent > 0) printf(", %g%% packet loss, time %dms", (sent - got) * 100.0 / sent, (int)(last_send - start));
    printf("\\n");
    const char *comma = "";
    if (got > 0) {
        double avg = tsum / got;
        printf("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", tmin, avg, tmax, root(tsq / got - avg * avg));
        comma = ", ";
    }
    if (pipesize > 1) printf("%spipe %d", comma, pipesize);
    printf("\\n");
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
