// The RESID passed where the ResourceHandle belongs: RESID and
// RESOURCE_HANDLE are both pointers, so the compiler accepts it. Reading the
// handle field through the RESID is the clean look-alike.
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
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatusEx in 'DemoOnlineV2' receives the RESID 'Resource' instead of the ResourceHandle that OpenV2 received [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-12]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+26]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->SetResourceStatusEx(Resource, &status);
    g_Callbacks->SetResourceStatusEx(((PDEMO_RESOURCE)Resource)->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOfflineV2' receives the RESID '(RESOURCE_HANDLE)Resource' instead of the ResourceHandle that OpenV2 received [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-23]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+15]]:5: note: 'DemoOfflineV2' is registered as the OfflineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Offline'
    g_Callbacks->LogEvent((RESOURCE_HANDLE)Resource, LOG_INFORMATION, L"Offline.\n");
    return ERROR_SUCCESS;
}

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
