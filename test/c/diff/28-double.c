#include <stdio.h>
int main(void) {
    double x = 3.75;
    float f = 2.5f;
    printf("%f %.2f %.0f %e\n", x, x, x, x * 1000);
    printf("%g %g %g\n", 0.0001, 123456.0, 1234567.0);
    printf("%f\n", f * 2);
    int i = (int)x;
    double back = i;
    printf("%d %f\n", i, back / 2);
    printf("%d %d\n", x > 3, x < f);
    printf("%8.3f|%-8.2f|%+.1f\n", 3.14159, 2.5, 1.0);
    long l = (long)1e15;
    printf("%ld\n", l);
    return 0;
}
