#include <stdio.h>
#include <time.h>
#include <unistd.h>
int main(void) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    sleep(2);
    usleep(500000);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("slept %ld ms\n", (long)((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000));
    fprintf(stderr, "to stderr\n");
    return 0;
}
