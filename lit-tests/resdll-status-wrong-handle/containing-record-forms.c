// CONTAINING_RECORD from the PCLUS_WORKER argument to the CLUS_WORKER member
// of the resource, written with the winnt.h macro and by hand with
// FIELD_OFFSET and offsetof. OfflineV2 passes no context: the worker knows
// its resource only through its PCLUS_WORKER, so it works for that resource
// and the global resource pointer's handle is reported in it; each
// resource found through CONTAINING_RECORD is the worker's own (clean), and
// so is passing it to a helper. The same three forms from a list link give
// another resource, reported each time.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <stddef.h>

typedef struct DEMO_RESOURCE {
    LIST_ENTRY Link;
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER OfflineWorker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static PDEMO_RESOURCE g_Primary;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->Link.Flink = resource->Link.Blink = &resource->Link;
    if (g_Primary == NULL) {
        g_Primary = resource;
    }
    return (RESID)resource;
}

static void ReportOffline(PDEMO_RESOURCE Resource)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOffline;
    g_Callbacks->SetResourceStatusEx(Resource->ResourceHandle, &status);
}

static DWORD WINAPI OfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE byMacro = CONTAINING_RECORD(Worker, DEMO_RESOURCE, OfflineWorker);
    PDEMO_RESOURCE byFieldOffset =
        (PDEMO_RESOURCE)((PCHAR)Worker - FIELD_OFFSET(DEMO_RESOURCE, OfflineWorker));
    PDEMO_RESOURCE byOffsetof =
        (PDEMO_RESOURCE)((char *)Worker - offsetof(DEMO_RESOURCE, OfflineWorker));
    PDEMO_RESOURCE next = CONTAINING_RECORD(byMacro->Link.Flink, DEMO_RESOURCE, Link);
    PDEMO_RESOURCE next2 =
        (PDEMO_RESOURCE)((PCHAR)byMacro->Link.Flink - FIELD_OFFSET(DEMO_RESOURCE, Link));
    PDEMO_RESOURCE next3 =
        (PDEMO_RESOURCE)((char *)byMacro->Link.Flink - offsetof(DEMO_RESOURCE, Link));

    g_Callbacks->LogEvent(byMacro->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    g_Callbacks->LogEvent(byFieldOffset->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    g_Callbacks->LogEvent(byOffsetof->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'OfflineThread' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-33]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'OfflineThread' receives 'next->ResourceHandle' as its ResourceHandle, read through 'next', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-36]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(next->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'OfflineThread' receives 'next2->ResourceHandle' as its ResourceHandle, read through 'next2', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-39]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(next2->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'OfflineThread' receives 'next3->ResourceHandle' as its ResourceHandle, read through 'next3', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-42]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(next3->ResourceHandle, LOG_INFORMATION, L"Offline.\n");
    ReportOffline(byMacro);
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
// CHECK: 4 findings in 1 file
