int main(void) {
    long double x = 1;
    return 0;
}
// expect error: unsupported/long-double.c:2:5: error: not supported by SockLab's C: the type 'long double'
