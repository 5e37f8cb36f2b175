int main(int argc, char **argv) {
    int a[argc];
    return 0;
}
// expect error: unsupported/vla.c:2:9: error: not supported by SockLab's C: variable-length arrays
