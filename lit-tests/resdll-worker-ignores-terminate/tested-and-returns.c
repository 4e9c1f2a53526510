// LogEvent, SignalFailure and SetResourceLockedMode are allowed on the
// Terminate path: they are not status calls. The worker then returns.
// RUN: %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    HANDLE Process;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PCLRES_CALLBACK_FUNCTION_TABLE g_Monitor;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        status.CheckPoint++;
        exitState = g_Monitor->SetResourceStatusEx(resource->Handle, &status);
        if (exitState == ResourceExitStateTerminate) {
            g_Monitor->LogEvent(resource->Handle, LOG_WARNING,
                                L"terminated while coming online\n");
            g_Monitor->SignalFailure(resource->Handle, FALSE, ERROR_CANCELLED);
            g_Monitor->SetResourceLockedMode(resource->Handle, FALSE, 0);
            CloseHandle(resource->Process);
            resource->Process = NULL;
            return ERROR_CANCELLED;
        }
        if (WaitForSingleObject(resource->Process, 500) != WAIT_TIMEOUT) {
            break;
        }
    }
    status.ResourceState = ClusterResourceFailed;
    g_Monitor->SetResourceStatusEx(resource->Handle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread,
                                    resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}
// CHECK: 0 findings in 1 file
