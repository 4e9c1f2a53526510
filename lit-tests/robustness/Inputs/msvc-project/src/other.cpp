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
    if (Name == NULL)
        return NULL;
    if (Flags) {
        SetLastError(DEMO_FAIL_CODE);
        return NULL;
    }
    return (RESID)Key;
}

void MsvcCxxRegister(void)
{
    g_Table.V2Functions.Open = MsvcCxxOpenV2;
}
