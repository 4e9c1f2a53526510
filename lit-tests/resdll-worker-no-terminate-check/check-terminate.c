// The look-alikes of sleep-loop.c: the loop consults
// ClusWorkerCheckTerminate, directly, through a helper, or reads
// CLUS_WORKER::Terminate.
// RUN: %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static BOOL DemoStopping(PCLUS_WORKER Worker)
{
    return ClusWorkerCheckTerminate(Worker);
}

static DWORD WINAPI DemoDirectThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        if (ClusWorkerCheckTerminate(Worker)) {
            return ERROR_CANCELLED;
        }
        Sleep(1000);
    }
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoHelperThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    do {
        Sleep(1000);
    } while (!DemoStopping(Worker) &&
             GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES);
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoFieldThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    for (;;) {
        if (Worker->Terminate ||
            GetFileAttributesW(resource->Path) != INVALID_FILE_ATTRIBUTES) {
            break;
        }
        Sleep(1000);
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoDirectThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoHelperThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoFieldThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK: 0 findings in 1 file
