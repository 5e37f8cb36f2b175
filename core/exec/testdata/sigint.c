#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
void on_int(int sig) {
    printf("caught %d\n", sig);
    exit(3);
}
int main(void) {
    signal(SIGINT, on_int);
    for (;;) sleep(1);
}
