// A loop written with a backward goto: the discarded exit state is followed
// by another round.
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

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
retry:
    status.CheckPoint++;
    // CHECK: goto-retry-loop.c:[[@LINE+6]]:5: warning: worker routine 'DemoOnlineThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then goes round the loop again; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: goto-retry-loop.c:[[@LINE+5]]:5: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: goto-retry-loop.c:[[@LINE+5]]:9: note: 'GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIB...' is true
    // CHECK-NEXT: goto-retry-loop.c:[[@LINE+5]]:9: note: then worker routine 'DemoOnlineThread' goes round the loop again
    // CHECK-NEXT: goto-retry-loop.c:[[@LINE+4]]:9: note: the loop goes round again here
    // CHECK-NEXT: goto-retry-loop.c:[[@LINE+14]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
    g_SetResourceStatus(resource->Handle, &status);
    if (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        goto retry;
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
// CHECK-NEXT: 1 finding in 1 file
