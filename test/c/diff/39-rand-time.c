/* glibc's rand()/random() sequences (unseeded, then seeded), strtoll and friends, and the
   calendar functions in UTC: gmtime, timegm, asctime, strftime, difftime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(void) {
    int i;
    printf("unseeded:");
    for (i = 0; i < 5; i++) printf(" %d", rand());
    srand(42);
    printf("\nsrand(42):");
    for (i = 0; i < 5; i++) printf(" %d", rand() % 1000);
    srandom(0);
    long r1 = random();
    long r2 = random();
    printf("\nsrandom(0): %ld %ld\n", r1, r2);
    srand(1);
    printf("srand(1) again: %d\n", rand());

    char *end;
    long long big = strtoll("0x7fffffffffff!", &end, 16);
    printf("strtoll %lld %lld rest [%s]\n", strtoll("-9000000000", NULL, 10), big, end);
    printf("strtoull %llu atoll %lld\n", strtoull("18446744073709551615", NULL, 10), atoll("  77 trombones"));

    time_t stamps[] = { 0, 951782400, 1704067200, 1709251199, 2147483647, 4102444800LL };
    for (i = 0; i < 6; i++) {
        struct tm *tm = gmtime(&stamps[i]);
        char buf[128];
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %e %p %I %y %C %u %w %D %T %F %R %%", tm);
        printf("%lld: %s | %s", (long long)stamps[i], buf, asctime(tm));
        printf("   yday %d wday %d back %lld\n", tm->tm_yday, tm->tm_wday, (long long)timegm(tm));
    }
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_year = 124;
    t.tm_mon = 13;
    t.tm_mday = 40;
    t.tm_hour = 25;
    printf("normalized %lld\n", (long long)timegm(&t));
    printf("difftime %.1f\n", difftime(1000, 250));
    char small[4];
    printf("strftime too small: %d\n", (int)strftime(small, sizeof small, "%Y-%m", gmtime(&stamps[2])));
    return 0;
}
