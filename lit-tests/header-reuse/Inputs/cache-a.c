/* A prefix with a system header of its own (cachedefs.h), kept in the disk
 * cache between runs. */
#include <windows.h>
#include <cachedefs.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI CacheaOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (OpenFlags != CACHE_DEFAULT_FLAGS) {
        return NULL;
    }
    return (RESID)LocalAlloc(LPTR, 16);
}

void WINAPI CacheaClose(RESID Resource) { LocalFree(Resource); }
DWORD WINAPI CacheaOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                               PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI CacheaOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                                PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI CacheaTerminate(RESID Resource) {}
BOOL WINAPI CacheaIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Cachea,
                                NULL, NULL, NULL, NULL, CacheaIsAlive, CacheaIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
