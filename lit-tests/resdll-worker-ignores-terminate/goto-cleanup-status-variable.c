// The look-alike of goto-cleanup-final-status.c: the cleanup label reports
// the final status only when the status variable says success, and it is
// ERROR_CANCELLED on the Terminate path. Path by path, nothing follows the
// Terminate result but non-blocking cleanup.
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
    DWORD result = ERROR_SUCCESS;
    HANDLE file = INVALID_HANDLE_VALUE;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        file = CreateFileW(resource->Path, GENERIC_READ, 0, NULL, OPEN_EXISTING,
                           0, NULL);
        if (file != INVALID_HANDLE_VALUE) {
            break;
        }
        status.CheckPoint++;
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            result = ERROR_CANCELLED;
            goto cleanup;
        }
        if (WaitForSingleObject(resource->StopEvent, 500) == WAIT_OBJECT_0) {
            result = ERROR_OPERATION_ABORTED;
            goto cleanup;
        }
    }

cleanup:
    if (file != INVALID_HANDLE_VALUE) {
        CloseHandle(file);
    }
    if (result == ERROR_SUCCESS) {
        status.ResourceState = ClusterResourceOnline;
        g_SetResourceStatus(resource->Handle, &status);
    }
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
// CHECK: 0 findings in 1 file
