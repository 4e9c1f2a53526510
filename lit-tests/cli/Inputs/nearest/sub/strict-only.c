/* Clean by default (the failed API set the last error); a finding when the
 * settings ask for an explicit SetLastError. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI StrictOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HANDLE file = CreateFileW(ResourceName, GENERIC_READ, FILE_SHARE_READ, NULL,
                              OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return NULL;
    return (RESID)file;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = StrictOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
