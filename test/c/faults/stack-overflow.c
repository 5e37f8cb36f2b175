int down(int n) { return down(n + 1) + 1; }
int main(void) { return down(0); }
// expect fault: Segmentation fault: stack overflow (line 1)
