int helper(int);
int main(void) {
    return helper(2);
}
// expect error: errors/undefined-reference.c:3:1: error: undefined reference to 'helper'
