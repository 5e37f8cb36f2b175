// System headers of the POSIX process, file and time API: unistd.h, fcntl.h, poll.h,
// sys/ioctl.h, sys/select.h, sys/time.h, signal.h, sys/wait.h and time.h. Values and layouts are glibc
// 2.36's on x86-64 Linux, written for SockLab from fixtures/gcc-layout.json. The FD_* and W*
// helpers are plain C macros, so SockLab's compiler runs them with no library support.

/** POSIX_HEADERS maps header names to their text for the POSIX headers. */
export const POSIX_HEADERS: Readonly<Record<string, string>> = {
  'unistd.h': String.raw`#ifndef _UNISTD_H
#define _UNISTD_H
#include <bits/socklab-types.h>
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int oldfd);
int dup2(int oldfd, int newfd);
int pipe(int pipefd[2]);
pid_t fork(void);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
unsigned int alarm(unsigned int seconds);
int pause(void);
void _exit(int status);
int gethostname(char *name, size_t len);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int access(const char *path, int mode);
int unlink(const char *path);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int isatty(int fd);
#endif
`,
  'fcntl.h': String.raw`#ifndef _FCNTL_H
#define _FCNTL_H
#include <bits/socklab-types.h>
#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_SETOWN 8
#define F_GETOWN 9
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1
int fcntl(int fd, int cmd, ...);
int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
#endif
`,
  'poll.h': String.raw`#ifndef _POLL_H
#define _POLL_H
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLRDHUP 0x2000
typedef unsigned long nfds_t;
struct pollfd { int fd; short events; short revents; };
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
#endif
`,
  'sys/poll.h': String.raw`#include <poll.h>
`,
  'sys/ioctl.h': String.raw`#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
#define FIONREAD 0x541B
#define FIONBIO 0x5421
int ioctl(int fd, unsigned long request, ...);
#endif
`,
  'sys/select.h': String.raw`#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H
#include <bits/socklab-types.h>
#define FD_SETSIZE 1024
#define __NFDBITS (8 * (int)sizeof(long))
/* fd_set: FD_SETSIZE bits in longs, as glibc lays it out (128 bytes). */
typedef struct { long fds_bits[FD_SETSIZE / (8 * (int)sizeof(long))]; } fd_set;
#define FD_ZERO(set) do { unsigned int __i; fd_set *__s = (set); for (__i = 0; __i < sizeof(fd_set) / sizeof(long); ++__i) __s->fds_bits[__i] = 0; } while (0)
#define FD_SET(fd, set) ((void)((set)->fds_bits[(fd) / __NFDBITS] |= (long)(1UL << ((fd) % __NFDBITS))))
#define FD_CLR(fd, set) ((void)((set)->fds_bits[(fd) / __NFDBITS] &= ~(long)(1UL << ((fd) % __NFDBITS))))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / __NFDBITS] & (long)(1UL << ((fd) % __NFDBITS))) != 0)
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
#endif
`,
  'sys/time.h': String.raw`#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <bits/socklab-types.h>
#include <sys/select.h>
struct timezone { int tz_minuteswest; int tz_dsttime; };
int gettimeofday(struct timeval *tv, void *tz);
#define timerclear(tvp) ((tvp)->tv_sec = (tvp)->tv_usec = 0)
#define timerisset(tvp) ((tvp)->tv_sec || (tvp)->tv_usec)
#endif
`,
  'signal.h': String.raw`#ifndef _SIGNAL_H
#define _SIGNAL_H
#include <bits/socklab-types.h>
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define NSIG 65
#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
typedef void (*__sighandler_t)(int);
typedef __sighandler_t sighandler_t;
#define SIG_ERR ((__sighandler_t)-1)
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
/* siginfo_t: 128 bytes; the fields a handler reads sit where glibc has them. */
typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
  union { struct { pid_t si_pid; uid_t si_uid; int si_status; } __kill; int __pad[28]; void *__align; } __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_status __fields.__kill.si_status
struct sigaction {
  union { __sighandler_t sa_handler; void (*sa_sigaction)(int, siginfo_t *, void *); } __sigaction_handler;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction
__sighandler_t signal(int signum, __sighandler_t handler);
int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact);
int kill(pid_t pid, int sig);
int raise(int sig);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signum);
int sigdelset(sigset_t *set, int signum);
int sigismember(const sigset_t *set, int signum);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
#endif
`,
  'sys/wait.h': String.raw`#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <bits/socklab-types.h>
#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8
/* The wait status encoding of Linux: exit code in bits 8-15, signal in bits 0-6, core flag 0x80. */
#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char)(((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status) & 0x80)
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
#endif
`,
  'time.h': String.raw`#ifndef _TIME_H
#define _TIME_H
#include <bits/socklab-types.h>
#define CLOCKS_PER_SEC ((clock_t)1000000)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};
time_t time(time_t *tloc);
clock_t clock(void);
double difftime(time_t time1, time_t time0);
int clock_gettime(clockid_t clockid, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);
struct tm *localtime(const time_t *timep);
struct tm *gmtime(const time_t *timep);
struct tm *gmtime_r(const time_t *timep, struct tm *result);
struct tm *localtime_r(const time_t *timep, struct tm *result);
time_t timegm(struct tm *tm);
time_t mktime(struct tm *tm);
char *ctime(const time_t *timep);
char *asctime(const struct tm *tm);
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm);
#endif
`,
};
