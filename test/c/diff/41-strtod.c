/* strtod and atof: decimal and hex forms, signs, inf and nan, where parsing stops, and ERANGE. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

int main(void) {
    const char *inputs[] = { "3.25", "  -0.5xyz", "1e3", "2.5E-3", ".75", "5.", "0x1.8p3", "-0X10",
                             "inf", "-Infinity", "nan", "abc", "+", "1e400", "1e-400", "12.34.56" };
    for (int i = 0; i < 16; i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        printf("[%s] -> %.17g used %d errno %d\n", inputs[i], d, (int)(end - inputs[i]), errno);
    }
    printf("atof %.3f %.3f\n", atof("  42.125 apples"), atof("none"));
    return 0;
}
