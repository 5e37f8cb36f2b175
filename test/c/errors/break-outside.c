int main(void) {
    break;
    return 0;
}
// expect error: errors/break-outside.c:2:5: error: 'break' statement not in loop or switch statement
