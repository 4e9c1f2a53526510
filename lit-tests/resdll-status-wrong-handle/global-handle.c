// A handle kept in a global variable is shared by every resource of the
// type: wrong as soon as two resources exist, even when it is assigned the
// ResourceHandle. The callback table kept in a global is fine, and so is
// the per-resource handle read through it.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER Worker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static CLRES_CALLBACK_FUNCTION_TABLE g_Monitor;
RESOURCE_HANDLE g_ResourceHandle;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    g_ResourceHandle = ResourceHandle;
    return (RESID)resource;
}

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_HANDLE handle = g_ResourceHandle;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatusEx in 'OnlineThread' receives 'g_ResourceHandle' as its ResourceHandle, a handle kept in the global variable 'g_ResourceHandle' and shared by every resource of the type [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-13]]:5: note: 'g_ResourceHandle' is assigned the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-15]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Monitor.SetResourceStatusEx(g_ResourceHandle, &status);
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatusEx in 'OnlineThread' receives 'handle' as its ResourceHandle, a handle kept in the global variable 'g_ResourceHandle' and shared by every resource of the type [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-17]]:5: note: 'g_ResourceHandle' is assigned the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-19]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Monitor.SetResourceStatusEx(handle, &status);
    g_Monitor.SetResourceStatusEx(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
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
    g_Monitor = *MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 2 findings in 1 file
