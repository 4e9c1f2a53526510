// A field that holds an event (every assignment in the file stores an
// event) passed as the handle: "another handle", with the assignment as a
// related location. The handle field next to it, assigned only from
// OpenV2's ResourceHandle (and reset to NULL in Close), is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    HANDLE StopEvent;
    CLUS_WORKER Worker;
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
    resource->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (resource->StopEvent == NULL) {
        DWORD status = GetLastError();
        LocalFree(resource);
        SetLastError(status);
        return NULL;
    }
    return (RESID)resource;
}

static DWORD WINAPI OfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    SetEvent(resource->StopEvent);
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOfflinePending;
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatusEx in 'OfflineThread' receives 'resource->StopEvent' as its ResourceHandle, but that is the field 'StopEvent', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-19]]:5: note: 'StopEvent' is assigned the handle returned by 'CreateEventW' here
    // CHECK-NEXT: :[[@LINE-21]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->SetResourceStatusEx(resource->StopEvent, &status);
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
    ClusWorkerCreate(&resource->Worker, OfflineThread, resource);
    return ERROR_IO_PENDING;
}

void WINAPI DemoClose(RESID Resource)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    CloseHandle(resource->StopEvent);
    resource->StopEvent = NULL;
    resource->ResourceHandle = NULL;
    LocalFree(resource);
}

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
// CHECK: 1 finding in 1 file
