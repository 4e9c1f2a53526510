// A handle field read through a global resource pointer, in code that works
// for one resource (an entry point, and its worker started with the
// resource as context): the global is some other resource as soon as two
// exist. Reading it through the resource's own object is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER Worker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static PDEMO_RESOURCE g_Primary; /* the first resource opened */

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    if (g_Primary == NULL) {
        g_Primary = resource;
    }
    return (RESID)resource;
}

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+2]]:5: warning: SetResourceStatusEx in 'OnlineThread' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-15]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->SetResourceStatusEx(g_Primary->ResourceHandle, &status);
    g_Callbacks->SetResourceStatusEx(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    PDEMO_RESOURCE primary = g_Primary;

    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'primary->ResourceHandle' as its ResourceHandle, read through 'primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-28]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+19]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(primary->ResourceHandle, LOG_INFORMATION, L"Online.\n");
    ClusWorkerCreate(&resource->Worker, OnlineThread, resource);
    return ERROR_IO_PENDING;
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
