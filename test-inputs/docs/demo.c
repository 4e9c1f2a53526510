/* The example of rules/resdll-openv2-null-without-setlasterror.md. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle, DWORD Flags)
{
    HKEY parameters;
    DWORD status = ClusterRegOpenKey(Key, L"Parameters", KEY_READ, &parameters);
    if (status != ERROR_SUCCESS) {
        return NULL;            /* ClusterRegOpenKey returns its error: the
                                   thread's last error is not set */
    }
    ClusterRegCloseKey(parameters);
    return (RESID)Handle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = DemoOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
