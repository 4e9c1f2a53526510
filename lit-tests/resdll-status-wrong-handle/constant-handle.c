// INVALID_HANDLE_VALUE (a constant) passed as the ResourceHandle, directly
// and through a local that holds it on one path. Comparing the stored
// handle with INVALID_HANDLE_VALUE and passing it only when it differs is
// clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    RESOURCE_STATUS_EX status;
    RESOURCE_HANDLE handle = INVALID_HANDLE_VALUE;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatusEx in 'DemoOnlineV2' receives a constant ResourceHandle ('INVALID_HANDLE_VALUE') [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-14]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+29]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->SetResourceStatusEx(INVALID_HANDLE_VALUE, &status);
    if (OnlineFlags == 0) {
        handle = resource->ResourceHandle;
    }
    // CHECK: :[[@LINE+4]]:5: warning: SetResourceStatusEx in 'DemoOnlineV2' receives a constant ResourceHandle ('handle') on this path [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-4]]:9: note: 'OnlineFlags == 0' is false
    // CHECK-NEXT: :[[@LINE-22]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+21]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->SetResourceStatusEx(handle, &status);
    if (resource->ResourceHandle != INVALID_HANDLE_VALUE) {
        g_Callbacks->SetResourceStatusEx(resource->ResourceHandle, &status);
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
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
// CHECK: 2 findings in 1 file
