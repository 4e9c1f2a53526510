// The stop event is waited on by a helper that passes the wait's result
// on; the loop tests it: a stop signal, no finding. A loop that drops the
// helper's result has no stop signal (finding).
// RUN: not %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD DemoWaitStop(PDEMO_RESOURCE Resource, DWORD Milliseconds)
{
    return WaitForSingleObject(Resource->StopEvent, Milliseconds);
}

static DWORD WINAPI DemoTestedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        if (DemoWaitStop(resource, 1000) == WAIT_OBJECT_0) {
            return ERROR_CANCELLED;
        }
    }
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoDroppedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    // CHECK: stop-event-helper.c:[[@LINE+3]]:5: warning: worker routine 'DemoDroppedThread' loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: stop-event-helper.c:[[@LINE+3]]:9: note: the loop calls 'DemoWaitStop', which waits or reports status, here
    // CHECK-NEXT: stop-event-helper.c:[[@LINE+17]]:14: note: 'DemoDroppedThread' runs on a thread started by ClusWorkerCreate here
    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        DemoWaitStop(resource, 1000);
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoTestedThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoDroppedThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
