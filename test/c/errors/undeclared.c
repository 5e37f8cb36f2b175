int main(void) {
    int x = 1;
    return y + x;
}
// expect error: errors/undeclared.c:3:12: error: 'y' undeclared
