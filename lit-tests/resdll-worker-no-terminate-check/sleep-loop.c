// A ClusWorkerCreate worker polls for a file with Sleep and never asks
// whether it must stop: ClusWorkerTerminate waits for it forever.
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

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    // CHECK: sleep-loop.c:[[@LINE+3]]:5: warning: worker routine 'DemoOnlineThread' loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: sleep-loop.c:[[@LINE+3]]:9: note: the loop waits here in 'Sleep'
    // CHECK-NEXT: sleep-loop.c:[[@LINE+16]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        Sleep(1000);
    }
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status);
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
