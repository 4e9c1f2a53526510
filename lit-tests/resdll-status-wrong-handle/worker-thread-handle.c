// CLUS_WORKER's hThread (the worker thread's handle) passed as the resource
// handle. The worker finds its resource with CONTAINING_RECORD from its
// PCLUS_WORKER argument (OfflineV2 passes no context), and that resource's
// handle field is the clean look-alike.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER OfflineWorker;
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

static DWORD WINAPI OfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = CONTAINING_RECORD(Worker, DEMO_RESOURCE, OfflineWorker);
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOfflinePending;
    // CHECK: :[[@LINE+2]]:5: warning: SetResourceStatusEx in 'OfflineThread' receives 'Worker->hThread' as its ResourceHandle, but that is the field 'hThread' of 'CLUS_WORKER', not a resource handle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-12]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->SetResourceStatusEx(Worker->hThread, &status);
    // CHECK: :[[@LINE+2]]:5: warning: SetResourceStatusEx in 'OfflineThread' receives 'resource->OfflineWorker.hThread' as its ResourceHandle, but that is the field 'hThread' of 'CLUS_WORKER', not a resource handle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-15]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->SetResourceStatusEx(resource->OfflineWorker.hThread, &status);
    status.ResourceState = ClusterResourceOffline;
    g_Callbacks->SetResourceStatusEx(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusWorkerCreate(&resource->OfflineWorker, OfflineThread, NULL);
    return ERROR_IO_PENDING;
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
