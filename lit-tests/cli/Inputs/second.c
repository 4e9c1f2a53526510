/* Another resource DLL source with one finding: SetLastError, then
 * CloseHandle before the return. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI SecondOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);

    if (event == NULL)
        return NULL;
    if (ResourceName == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        CloseHandle(event);
        return NULL;
    }
    return (RESID)event;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = SecondOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
