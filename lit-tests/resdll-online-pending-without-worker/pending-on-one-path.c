// Path by path: the fast path for an already running service returns
// ERROR_IO_PENDING before the worker is created (finding); through the
// status variable too (finding); the slow path is fine.
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

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoOfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOffline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ERROR_SUCCESS;

    if (WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT) {
        // CHECK: pending-on-one-path.c:[[@LINE+3]]:9: warning: OnlineV2 entry point 'DemoOnlineV2' returns ERROR_IO_PENDING ('return ERROR_IO_PENDING') on a path that starts no worker: nothing reports the resource status to end the pending Online [resdll-online-pending-without-worker]
        // CHECK-NEXT: pending-on-one-path.c:[[@LINE-2]]:9: note: 'WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT' is true
        // CHECK-NEXT: pending-on-one-path.c:[[@LINE+52]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
        return ERROR_IO_PENDING;
    }
    if (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        status = ERROR_IO_PENDING;
        goto done;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread,
                              resource);
    if (status == ERROR_SUCCESS) {
        status = ERROR_IO_PENDING;
    }
done:
    // CHECK-NEXT: pending-on-one-path.c:[[@LINE+4]]:5: warning: OnlineV2 entry point 'DemoOnlineV2' returns ERROR_IO_PENDING ('return status') on a path that starts no worker: nothing reports the resource status to end the pending Online [resdll-online-pending-without-worker]
    // CHECK-NEXT: pending-on-one-path.c:[[@LINE-17]]:9: note: 'WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT' is false
    // CHECK-NEXT: pending-on-one-path.c:[[@LINE-12]]:9: note: 'GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIB...' is true
    // CHECK-NEXT: pending-on-one-path.c:[[@LINE+36]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    return status;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
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
// CHECK-NEXT: 2 findings in 1 file
