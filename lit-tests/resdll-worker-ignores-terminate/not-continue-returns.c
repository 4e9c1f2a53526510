// Other correct tests of the exit state: "!= ResourceExitStateContinue",
// the value as a truth value, and the constant on the left.
// RUN: %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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
    RESOURCE_EXIT_STATE exitState;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        status.CheckPoint++;
        if (g_SetResourceStatus(resource->Handle, &status) !=
            ResourceExitStateContinue) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
        if (g_SetResourceStatus(resource->Handle, &status)) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
        exitState = (RESOURCE_EXIT_STATE)g_SetResourceStatus(resource->Handle,
                                                             &status);
        if (ResourceExitStateTerminate == exitState) {
            return ERROR_CANCELLED;
        }
        if (WaitForSingleObject(resource->StopEvent, 100) == WAIT_OBJECT_0) {
            break;
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
// CHECK: 0 findings in 1 file
