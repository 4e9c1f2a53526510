// The exit state is stored and tested a few statements later, after a log
// line, a non-blocking cleanup call and a zero-timeout poll: no finding.
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
    DWORD wait;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        status.CheckPoint++;
        exitState = g_SetResourceStatus(resource->Handle, &status);
        g_LogEvent(resource->Handle, LOG_INFORMATION, L"checkpoint %1!u!\n",
                   status.CheckPoint);
        wait = WaitForSingleObject(resource->Process, 0);
        if (wait == WAIT_OBJECT_0) {
            CloseHandle(resource->Process);
            resource->Process = NULL;
        }
        if (exitState == ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
        if (resource->Process == NULL) {
            return ERROR_SUCCESS;
        }
        Sleep(200);
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
// CHECK: 0 findings in 1 file
