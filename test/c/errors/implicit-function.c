int main(void) {
    frobnicate(1);
    return 0;
}
// expect error: errors/implicit-function.c:2:5: error: implicit declaration of function 'frobnicate'
