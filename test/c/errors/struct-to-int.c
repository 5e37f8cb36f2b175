struct s { int a; };
int main(void) {
    struct s v = { 1 };
    int x = v;
    return x;
}
// expect error: errors/struct-to-int.c:4:13: error: incompatible types when initializing type 'int' from type 'struct s'
