int sum(int n, ...) { return n; }
int main(void) { return sum(1, 2); }
// expect error: unsupported/variadic-def.c:1:1: error: not supported by SockLab's C: defining variadic functions
