// Breaking out of the loop on Terminate and then reporting a final status:
// the Terminate path made another status call.
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

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        if (GetFileAttributesW(resource->Path) != INVALID_FILE_ATTRIBUTES) {
            status.ResourceState = ClusterResourceOnline;
            break;
        }
        status.CheckPoint++;
        // CHECK: break-then-final-status.c:[[@LINE+6]]:21: warning: worker routine 'DemoOnlineThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it calls SetResourceStatusEx again; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: break-then-final-status.c:[[@LINE+5]]:21: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: break-then-final-status.c:[[@LINE+5]]:13: note: 'exitState == ResourceExitStateTerminate' is true
        // CHECK-NEXT: break-then-final-status.c:[[@LINE+10]]:5: note: then worker routine 'DemoOnlineThread' calls SetResourceStatusEx again
        // CHECK-NEXT: break-then-final-status.c:[[@LINE+9]]:5: note: SetResourceStatusEx is called again here
        // CHECK-NEXT: break-then-final-status.c:[[@LINE+18]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState == ResourceExitStateTerminate) {
            status.ResourceState = ClusterResourceFailed;
            break;
        }
        Sleep(250);
    }
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
