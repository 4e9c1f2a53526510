// A C++ source whose parse takes hours: a static_assert evaluates a loop
// 2^40 times. clang stops such evaluation after -fconstexpr-steps (1048576
// by default); a project that raises the limit gets a parse that never
// ends in practice, which --timeout must stop.
#include <windows.h>

constexpr unsigned long long spin(unsigned long long n) {
  unsigned long long s = 0;
  for (unsigned long long i = 0; i < n; ++i)
    s += i ^ (s >> 3);
  return s;
}
static_assert(spin(1ull << 40) != 1, "never finishes");
