#include <stdio.h>
#include <stdarg.h>
#include <string.h>

int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int total = 0;
    for (int i = 0; i < n; i++) total += va_arg(ap, int);
    va_end(ap);
    return total;
}

void logf_(const char *tag, const char *fmt, ...) {
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printf("[%s] %s (%zu)\n", tag, buf, strlen(buf));
}

double avg(int n, ...) {
    va_list ap, copy;
    va_start(ap, n);
    va_copy(copy, ap);
    double t = 0;
    for (int i = 0; i < n; i++) t += va_arg(ap, double);
    double first = va_arg(copy, double);
    va_end(copy);
    va_end(ap);
    return t / n + first;
}

long mixed(int n, ...) {
    va_list ap;
    va_start(ap, n);
    long a = va_arg(ap, long);
    char *s = va_arg(ap, char *);
    int c = va_arg(ap, int);
    va_end(ap);
    return a + (long)strlen(s) + c + n;
}

int main(void) {
    printf("%d %d %d\n", sum(0), sum(3, 1, 2, 3), sum(5, -1, -2, -3, -4, 100));
    logf_("net", "%s:%d %c", "10.0.0.2", 80, 'x');
    printf("%.2f\n", avg(3, 1.0, 2.5, 4.0));
    printf("%ld\n", mixed(1, 5000000000L, "four", -7));
    return 0;
}
