/* A resource DLL with one rule-1 finding, and a second one when compiled
 * with -DEXTRA_CHECKS. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI BuggyOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HKEY parameters;
    DWORD status;

    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &parameters);
    if (status != ERROR_SUCCESS)
        return NULL;
#ifdef EXTRA_CHECKS
    if (OpenFlags != 0) {
        ClusterRegCloseKey(parameters);
        return NULL;
    }
#endif
    ClusterRegCloseKey(parameters);
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = BuggyOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
