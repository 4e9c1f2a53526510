// A plain `return NULL` with and without SetLastError, in a V2 DLL that
// registers its entry points with CLRES_V2_FUNCTION_TABLE_SET.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;

    if (ResourceName == NULL) {
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceName == NULL' is true
        // CHECK-NEXT: :[[@LINE+34]]:5: note: 'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }

    if (OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }

    resource = (PDEMO_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                         sizeof(*resource));
    if (resource == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    resource->ParametersKey = ResourceKey;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) { HeapFree(GetProcessHeap(), 0, Resource); }
DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Callbacks = MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
