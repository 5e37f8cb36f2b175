/* fork, wait and waitpid with the W* macros: a child that exits 3, a child that aborts
   (SIGABRT, 6), and atexit functions run in reverse order at exit. */
// expect: child 1 exited with 3
// expect: child 2 killed by signal 6
// expect: no more children: No child processes
// expect: second atexit
// expect: first atexit
// expect exit: 5
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

static void first(void) { printf("first atexit\n"); }
static void second(void) { printf("second atexit\n"); }

int main(void) {
    int status;
    pid_t a = fork();
    if (a == 0) exit(3);
    waitpid(a, &status, 0);
    if (WIFEXITED(status)) printf("child 1 exited with %d\n", WEXITSTATUS(status));
    pid_t b = fork();
    if (b == 0) abort();
    wait(&status);
    if (WIFSIGNALED(status)) printf("child 2 killed by signal %d\n", WTERMSIG(status));
    if (wait(&status) == -1) perror("no more children");
    atexit(first);
    atexit(second);
    exit(5);
}
