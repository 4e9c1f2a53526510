// A worker reports OnlinePending, discards the exit state and reports
// again when the work is done: the Terminate path made another status call.
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
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;

    ZeroMemory(&status, sizeof(status));
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    status.ResourceState = ClusterResourceOnlinePending;
    status.CheckPoint = 1;
    // CHECK: discarded-then-status.c:[[@LINE+6]]:5: warning: worker routine 'DemoOnlineThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then calls SetResourceStatusEx again; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: discarded-then-status.c:[[@LINE+5]]:5: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: discarded-then-status.c:[[@LINE+6]]:9: note: '!CreateProcessW(resource->Path, NULL, NULL, NULL, FALSE, ...' is true
    // CHECK-NEXT: discarded-then-status.c:[[@LINE+13]]:5: note: then worker routine 'DemoOnlineThread' calls SetResourceStatusEx again
    // CHECK-NEXT: discarded-then-status.c:[[@LINE+12]]:5: note: SetResourceStatusEx is called again here
    // CHECK-NEXT: discarded-then-status.c:[[@LINE+21]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
    g_SetResourceStatus(resource->Handle, &status);

    if (!CreateProcessW(resource->Path, NULL, NULL, NULL, FALSE, 0, NULL, NULL,
                        &si, &pi)) {
        status.ResourceState = ClusterResourceFailed;
    } else {
        resource->Process = pi.hProcess;
        CloseHandle(pi.hThread);
        status.ResourceState = ClusterResourceOnline;
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
