// The exit state is passed to a function of the DLL, which may act on it
// (here it tests it). The rule does not follow values into such calls, so
// nothing is guessed: no finding, on either worker.
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

static BOOL DemoMustStop(PDEMO_RESOURCE Resource, DWORD ExitState)
{
    if (ExitState == ResourceExitStateTerminate) {
        g_LogEvent(Resource->Handle, LOG_INFORMATION, L"terminated\n");
        return TRUE;
    }
    return FALSE;
}

static DWORD WINAPI DemoStoredThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    for (;;) {
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (DemoMustStop(resource, exitState)) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoDirectThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    for (;;) {
        if (DemoMustStop(resource,
                         g_SetResourceStatus(resource->Handle, &status))) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoStoredThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoDirectThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK: 0 findings in 1 file
