// The worker keeps the helper's "keep going" answer, but only logs when it
// is FALSE (Terminate) and goes round the loop again.
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

static BOOL DemoKeepGoing(PDEMO_RESOURCE Resource, DWORD CheckPoint)
{
    return DemoReport(Resource, ClusterResourceOnlinePending, CheckPoint) ==
           ResourceExitStateContinue;
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DWORD checkPoint = 0;
    BOOL keepGoing;

    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        // CHECK: helper-result-stored-continues.c:[[@LINE+7]]:21: warning: worker routine 'DemoOnlineThread' goes on although the exit state that 'DemoKeepGoing(resource, ++checkPoint)' passes on from SetResourceStatusEx is ResourceExitStateTerminate: it goes round the loop again; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE+6]]:21: note: 'DemoKeepGoing' passes on the exit state of its SetResourceStatusEx call here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE+6]]:13: note: '!keepGoing' is true
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE-4]]:5: note: then worker routine 'DemoOnlineThread' goes round the loop again
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE-5]]:5: note: the loop goes round again here
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE-21]]:12: note: the SetResourceStatusEx call whose exit state 'DemoKeepGoing' passes on
        // CHECK-NEXT: helper-result-stored-continues.c:[[@LINE+15]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        keepGoing = DemoKeepGoing(resource, ++checkPoint);
        if (!keepGoing) {
            g_LogEvent(resource->Handle, LOG_WARNING, L"asked to stop\n");
        }
    }
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
