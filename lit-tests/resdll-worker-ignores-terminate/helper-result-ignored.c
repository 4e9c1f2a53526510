// A helper returns the exit state of its status call; the worker throws it
// away and sleeps. Reported at the helper call.
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

/* Returns the exit state of the status call. */
static DWORD DemoReport(PDEMO_RESOURCE Resource, CLUSTER_RESOURCE_STATE State,
                        DWORD CheckPoint)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    status.CheckPoint = CheckPoint;
    return g_SetResourceStatus(Resource->Handle, &status);
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DWORD checkPoint = 0;

    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        // CHECK: helper-result-ignored.c:[[@LINE+6]]:9: warning: worker routine 'DemoOnlineThread' discards the exit state that 'DemoReport(resource, ClusterResourceOnlinePending, ++chec...' passes on from SetResourceStatusEx and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: helper-result-ignored.c:[[@LINE+5]]:9: note: 'DemoReport' passes on the exit state of its SetResourceStatusEx call here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: helper-result-ignored.c:[[@LINE+5]]:9: note: then worker routine 'DemoOnlineThread' waits in 'Sleep'
        // CHECK-NEXT: helper-result-ignored.c:[[@LINE+4]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: helper-result-ignored.c:[[@LINE-13]]:12: note: the SetResourceStatusEx call whose exit state 'DemoReport' passes on
        // CHECK-NEXT: helper-result-ignored.c:[[@LINE+14]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        DemoReport(resource, ClusterResourceOnlinePending, ++checkPoint);
        Sleep(500);
    }
    DemoReport(resource, ClusterResourceOnline, 0);
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
