/* getuid/geteuid/getgid, getpid and gethostname as the student user (uid 1000) on server. */
// host: server
// expect: uid 1000 euid 1000 gid 1000
// expect: hostname server
// expect: gethostname into 3 bytes: File name too long
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char name[64];
    printf("uid %d euid %d gid %d\n", (int)getuid(), (int)geteuid(), (int)getgid());
    gethostname(name, sizeof name);
    printf("hostname %s\n", name);
    if (gethostname(name, 3) == -1) perror("gethostname into 3 bytes");
    return 0;
}
