#include <stdio.h>
#include <stdint.h>
#include <sys/socket.h>
#include <netinet/in.h>
struct a { char c; };
struct b { char c; long l; };
struct c { int i; char c; };
struct d { short s[3]; char c; };
union u { char c[5]; int i; };
int main(void) {
    printf("%zu %zu %zu %zu %zu\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    printf("%zu %zu %zu %zu\n", sizeof(void *), sizeof(size_t), sizeof(float), sizeof(double));
    printf("%zu %zu %zu %zu %zu\n", sizeof(struct a), sizeof(struct b), sizeof(struct c), sizeof(struct d), sizeof(union u));
    printf("%zu %zu %zu\n", sizeof(struct sockaddr), sizeof(struct sockaddr_in), sizeof(struct sockaddr_in6));
    printf("%zu %zu\n", sizeof(struct sockaddr_storage), sizeof(struct in_addr));
    int arr[10];
    printf("%zu %zu %zu\n", sizeof arr, sizeof arr[0], sizeof(int[3][5]));
    return 0;
}
