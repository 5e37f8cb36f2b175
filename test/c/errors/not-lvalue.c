int main(void) {
    int a = 1;
    (a + 1) = 2;
    return 0;
}
// expect error: errors/not-lvalue.c:3:5: error: lvalue required as left operand of assignment
