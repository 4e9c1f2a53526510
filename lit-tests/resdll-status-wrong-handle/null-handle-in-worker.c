// A ClusWorker thread reports with NULL instead of the handle OpenV2 stored
// in the resource; the same report through the stored handle is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER Worker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

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

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    g_SetResourceStatus(resource->ResourceHandle, &status);
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+2]]:5: warning: SetResourceStatusEx in 'DemoOnlineThread' receives a null ResourceHandle ('NULL') [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-14]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_SetResourceStatus(NULL, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->Worker, DemoOnlineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 1 finding in 1 file
