// Input of same-output.test: a file with a compiler error, so that the
// comparison covers notifications with positions.
#include <windows.h>
static int broken(void) { return undeclared_name; }
