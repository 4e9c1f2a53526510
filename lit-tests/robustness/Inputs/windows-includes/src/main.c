// Includes written for Windows, where file names are compared without
// regard to case and '\' separates directories: the checker resolves them
// the same way on a case-sensitive file system.
#include <Windows.h>
#include <ClusAPI.h>
#include <ResApi.h>
#include <WinError.h>
#include <StrSafe.h>
#include "..\Inc\Util.h"
#include "..\inc\Resource.h"

static CLRES_FUNCTION_TABLE g_Table;

RESID WINAPI IncOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                       DWORD Flags)
{
    if (Flags == IDS_RESOURCE_NAME) {
        SetLastError(UTIL_FAIL_CODE);
        return NULL;
    }
    if (Name == NULL)
        return NULL;
    return (RESID)Key;
}

void IncRegister(void)
{
    g_Table.V2Functions.Open = IncOpenV2;
}
