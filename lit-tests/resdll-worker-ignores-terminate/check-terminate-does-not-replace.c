// Checking ClusWorkerCheckTerminate or a stop event after the status call
// does not replace acting on its exit state.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        // CHECK: check-terminate-does-not-replace.c:[[@LINE+6]]:9: warning: worker routine 'DemoOnlineThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'WaitForSingleObject'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: check-terminate-does-not-replace.c:[[@LINE+5]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: check-terminate-does-not-replace.c:[[@LINE+5]]:13: note: 'ClusWorkerCheckTerminate(Worker)' is false
        // CHECK-NEXT: check-terminate-does-not-replace.c:[[@LINE+7]]:13: note: then worker routine 'DemoOnlineThread' waits in 'WaitForSingleObject'
        // CHECK-NEXT: check-terminate-does-not-replace.c:[[@LINE+6]]:13: note: 'WaitForSingleObject' blocks here
        // CHECK-NEXT: check-terminate-does-not-replace.c:[[@LINE+17]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        g_SetResourceStatus(resource->Handle, &status);
        if (ClusWorkerCheckTerminate(Worker)) {
            return ERROR_CANCELLED;
        }
        if (WaitForSingleObject(resource->StopEvent, 1000) == WAIT_OBJECT_0) {
            return ERROR_CANCELLED;
        }
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
