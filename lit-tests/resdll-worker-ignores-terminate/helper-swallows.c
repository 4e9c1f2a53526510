// A void helper drops the exit state of its status call; the worker calls
// it in its polling loop, so a Terminate is lost. Reported at the call.
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

/* Reports a state and drops the exit state. */
static void DemoSetState(PDEMO_RESOURCE Resource, CLUSTER_RESOURCE_STATE State)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    g_SetResourceStatus(Resource->Handle, &status);
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;

    for (;;) {
        if (WaitForSingleObject(resource->Process, 0) == WAIT_OBJECT_0) {
            break;
        }
        // CHECK: helper-swallows.c:[[@LINE+6]]:9: warning: 'DemoSetState' discards the exit state of its SetResourceStatusEx call, and worker routine 'DemoOnlineThread' calls it ('DemoSetState(resource, ClusterResourceOnlinePending)') and then waits in 'Sleep': a ResourceExitStateTerminate is lost [resdll-worker-ignores-terminate]
        // CHECK-NEXT: helper-swallows.c:[[@LINE+5]]:9: note: 'DemoSetState' discards the exit state of its SetResourceStatusEx call, which may be ResourceExitStateTerminate
        // CHECK-NEXT: helper-swallows.c:[[@LINE+5]]:9: note: then worker routine 'DemoOnlineThread' waits in 'Sleep'
        // CHECK-NEXT: helper-swallows.c:[[@LINE+4]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: helper-swallows.c:[[@LINE-15]]:5: note: the SetResourceStatusEx call whose exit state 'DemoSetState' discards
        // CHECK-NEXT: helper-swallows.c:[[@LINE+14]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        DemoSetState(resource, ClusterResourceOnlinePending);
        Sleep(1000);
    }
    DemoSetState(resource, ClusterResourceOnline);
    return ERROR_SUCCESS;
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
