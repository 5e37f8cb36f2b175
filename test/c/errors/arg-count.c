int add(int a, int b) { return a + b; }
int main(void) {
    return add(1);
}
// expect error: errors/arg-count.c:3:12: error: too few arguments to function 'add'
