// A resource DLL built by MSVC: its compile command (compile_commands.json)
// defines WIN32 and DEMO_LEVEL, adds ..\inc to the include path and forces
// Forced.h; the checker sees the same.
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include "Config.h"
#ifndef WIN32
#error "WIN32 comes from /DWIN32"
#endif
#if DEMO_LEVEL != 3
#error "DEMO_LEVEL 3 comes from /DDEMO_LEVEL#3"
#endif
#ifndef DEMO_FORCED
#error "DEMO_FORCED comes from /FIForced.h"
#endif

static CLRES_FUNCTION_TABLE g_Table;

RESID WINAPI MsvcCxxOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                        DWORD Flags)
{
    if (Name // A C++ source whose parse takes hours: a static_assert evaluates a loop
// 2^40 times. clang stops such evaluation after -fconstex== NULL)
        return NULL;
    if (Flags) {
        SetLastlude <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_Table;

RESID WINAPI OtherOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                         DWORD Flags)
{
    if (Name == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (Flags & 2)
        return NULL;
    return (Rinue {
  unsigned long long s = 0;
  for (unsigned long long i = 0; i < n; ++i)
    s += i ^ (s >> 3);
  return s;
}
static_assert(spin(1ull <<nction 40) s.Open = MsvcCxxOpenV2;
}
!= 1, "never fsnishes");
