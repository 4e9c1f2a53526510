// A status call in the loop: testing its exit state is a way to stop
// (clean); dropping it is not (finding).
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

static DWORD WINAPI DemoTestedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
        Sleep(500);
    }
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoDroppedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    // CHECK: status-result.c:[[@LINE+3]]:5: warning: worker routine 'DemoDroppedThread' loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: status-result.c:[[@LINE+4]]:9: note: the loop reports the resource status here without testing the exit state
    // CHECK-NEXT: status-result.c:[[@LINE+18]]:14: note: 'DemoDroppedThread' runs on a thread started by ClusWorkerCreate here
    while (WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        g_SetResourceStatus(resource->Handle, &status);
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
