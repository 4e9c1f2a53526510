/* A V2 resource DLL whose header prefix defines macros before the Windows
 * headers (shared with lean-b.c and lean-error.c). A macro of the prefix is
 * used in a finding's path: its text must come from this file. */
#define WIN32_LEAN_AND_MEAN
#define LEAN_OK ERROR_SUCCESS
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define LEAN_FAIL_IF(cond) if (cond) return NULL

typedef struct LEAN_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY Parameters;
} LEAN_RESOURCE, *PLEAN_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI LeanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PLEAN_RESOURCE resource;
    LONG status;

    LEAN_FAIL_IF(ResourceName == NULL);
    resource = (PLEAN_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &resource->Parameters);
    if (status != LEAN_OK) {
        LocalFree(resource);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI LeanClose(RESID Resource) { LocalFree(Resource); }
DWORD WINAPI LeanOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI LeanOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI LeanTerminate(RESID Resource) {}
BOOL WINAPI LeanIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Lean,
                                NULL, NULL, NULL, NULL, LeanIsAlive, LeanIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
