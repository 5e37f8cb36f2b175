int main(void) {
    int x = 1
    return x;
}
// expect error: errors/syntax.c:2:14: error: expected ';'
