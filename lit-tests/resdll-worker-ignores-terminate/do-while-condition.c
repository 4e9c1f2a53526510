// The loop condition tests the exit state: the loop goes round again only
// on the Continue path.
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
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    do {
        Sleep(200);
        status.CheckPoint++;
        exitState = g_SetResourceStatus(resource->Handle, &status);
    } while (exitState != ResourceExitStateTerminate);
    CloseHandle(resource->Process);
    return ERROR_CANCELLED;
}

static DWORD WINAPI DemoWhileThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (g_SetResourceStatus(resource->Handle, &status) ==
           ResourceExitStateContinue) {
        Sleep(200);
        status.CheckPoint++;
    }
    return ERROR_CANCELLED;
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
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoWhileThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK: 0 findings in 1 file
