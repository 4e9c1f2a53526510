// On Terminate the worker jumps to its cleanup label, which reports a final
// Failed status: the Terminate path made another status call.
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
    DWORD result = ERROR_SUCCESS;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (WaitForSingleObject(resource->StopEvent, 1000) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        // CHECK: goto-cleanup-final-status.c:[[@LINE+7]]:13: warning: worker routine 'DemoOnlineThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it calls SetResourceStatusEx again; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+6]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+5]]:13: note: 'g_SetResourceStatus(resource->Handle, &status) != Resourc...' is true
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+13]]:9: note: 'result != ERROR_SUCCESS' is true
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+15]]:5: note: then worker routine 'DemoOnlineThread' calls SetResourceStatusEx again
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+14]]:5: note: SetResourceStatusEx is called again here
        // CHECK-NEXT: goto-cleanup-final-status.c:[[@LINE+23]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        if (g_SetResourceStatus(resource->Handle, &status) !=
            ResourceExitStateContinue) {
            result = ERROR_CANCELLED;
            goto cleanup;
        }
    }
    status.ResourceState = ClusterResourceOnline;

cleanup:
    if (result != ERROR_SUCCESS) {
        status.ResourceState = ClusterResourceFailed;
    }
    g_SetResourceStatus(resource->Handle, &status);
    return result;
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
