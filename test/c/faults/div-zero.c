int main(void) {
    int a = 10, b = 0;
    return a / b;
}
// expect fault: Floating point exception (line 3)
