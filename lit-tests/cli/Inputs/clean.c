/* A resource DLL whose OpenV2 sets the last error on every failure path. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI CleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOID resource;

    if (ResourceKey == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    resource = LocalAlloc(LPTR, 64);
    if (resource == NULL)
        return NULL; /* LocalAlloc set the last error */
    return (RESID)resource;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = CleanOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
