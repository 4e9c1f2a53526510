// The look-alike of break-then-final-status.c: after the break on
// Terminate only non-blocking cleanup runs before the return; the final
// status is reported on the other exit of the loop only.
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
    DWORD exitState = ResourceExitStateContinue;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        if (GetFileAttributesW(resource->Path) != INVALID_FILE_ATTRIBUTES) {
            status.ResourceState = ClusterResourceOnline;
            g_SetResourceStatus(resource->Handle, &status);
            break;
        }
        status.CheckPoint++;
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState == ResourceExitStateTerminate) {
            break;
        }
        Sleep(250);
    }
    CloseHandle(resource->StopEvent);
    resource->StopEvent = NULL;
    return exitState == ResourceExitStateTerminate ? ERROR_CANCELLED
                                                   : ERROR_SUCCESS;
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
