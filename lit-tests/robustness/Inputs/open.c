// A V2 resource DLL with one finding (line 17) and a clean look-alike; the
// "other file" of the robustness tests.
#include <windows.h>
#include <clusapi.h>
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
    return (RESID)Key;
}

void OtherRegister(void)
{
    g_Table.V2Functions.Open = OtherOpenV2;
}
