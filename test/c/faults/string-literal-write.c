int main(void) {
    char *s = "read only";
    s[0] = 'R';
    return 0;
}
// expect fault: Segmentation fault (address 0x
