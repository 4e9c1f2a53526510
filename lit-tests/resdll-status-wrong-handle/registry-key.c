// Registry keys are not resource handles: OpenV2's ResourceKey parameter and
// the Parameters key it opens (an HKEY field) passed to LogEvent. The
// ResourceHandle parameter right next to them is the clean look-alike.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    HKEY ParametersKey;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    DWORD status;

    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        // CHECK: :[[@LINE+3]]:9: warning: LogEvent in 'DemoOpenV2' receives 'ResourceKey' as its ResourceHandle, but that is a 'HKEY', not a resource handle [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-5]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        // CHECK-NEXT: :[[@LINE+30]]:5: note: 'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        g_Callbacks->LogEvent(ResourceKey, LOG_ERROR, L"No parameters: %1!u!\n", status);
        g_Callbacks->LogEvent(ResourceHandle, LOG_ERROR, L"No parameters: %1!u!\n", status);
        LocalFree(resource);
        SetLastError(status);
        return NULL;
    }
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOpenV2' receives '(RESOURCE_HANDLE)resource->ParametersKey' as its ResourceHandle, but that is a 'HKEY', not a resource handle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-14]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+21]]:5: note: 'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
    g_Callbacks->LogEvent((RESOURCE_HANDLE)resource->ParametersKey, LOG_INFORMATION,
                          L"Opened.\n");
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
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
