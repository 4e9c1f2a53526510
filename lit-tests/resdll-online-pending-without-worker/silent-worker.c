// OfflineV2 starts a worker and returns ERROR_IO_PENDING, but the worker
// never reports the resource status: the pending Offline never ends.
// RUN: not %resdll-check '--checks=-*,resdll-online-pending-without-worker' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
    HANDLE StopEvent;
    HANDLE Process;
    LPWSTR Path;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static DWORD WINAPI DemoStopThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    TerminateProcess(resource->Process, 0);
    CloseHandle(resource->Process);
    resource->Process = NULL;
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->OfflineWorker, DemoStopThread,
                                    resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    // CHECK: silent-worker.c:[[@LINE+4]]:5: warning: OfflineV2 entry point 'DemoOfflineV2' returns ERROR_IO_PENDING ('return ERROR_IO_PENDING'), but the worker it starts on this path ('DemoStopThread') never reports the resource status: the pending Offline never ends [resdll-online-pending-without-worker]
    // CHECK-NEXT: silent-worker.c:[[@LINE-4]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: silent-worker.c:[[@LINE-7]]:20: note: 'DemoStopThread' is started here by ClusWorkerCreate and never calls SetResourceStatusEx
    // CHECK-NEXT: silent-worker.c:[[@LINE+29]]:5: note: 'DemoOfflineV2' is registered as the OfflineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Offline'
    return ERROR_IO_PENDING;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource =
        (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(DEMO_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive,
                                DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
