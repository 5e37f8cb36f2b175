/* getsockopt(TCP_INFO) on a connection to the echo service: the state, the MSS, and the two
   4-bit window-scale bit-fields that share one byte of struct tcp_info. */
// services: inetd
// expect: state 1 snd_mss 1448 wscale bit-fields match their byte: yes, both set: yes
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(7);
    inet_pton(AF_INET, "10.0.0.2", &to.sin_addr);
    if (connect(s, (struct sockaddr *)&to, sizeof to) == -1) { perror("connect"); return 1; }
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (getsockopt(s, IPPROTO_TCP, TCP_INFO, &ti, &len) == -1) { perror("getsockopt"); return 1; }
    unsigned char byte = ((unsigned char *)&ti)[6];
    int match = ti.tcpi_snd_wscale == (byte & 15) && ti.tcpi_rcv_wscale == (byte >> 4);
    printf("state %d snd_mss %u wscale bit-fields match their byte: %s, both set: %s\n", ti.tcpi_state,
           ti.tcpi_snd_mss, match ? "yes" : "no", ti.tcpi_snd_wscale && ti.tcpi_rcv_wscale ? "yes" : "no");
    close(s);
    return 0;
}
