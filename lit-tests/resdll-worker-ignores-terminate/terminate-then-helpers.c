// What a worker may call on the Terminate path: a helper that only logs and
// closes handles (clean); a helper that reports a final status or one that
// waits for the process to exit (findings).
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

/* Reports a state and drops the exit state. */
static void DemoSetState(PDEMO_RESOURCE Resource, CLUSTER_RESOURCE_STATE State)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    g_SetResourceStatus(Resource->Handle, &status);
}

static void DemoCleanup(PDEMO_RESOURCE Resource)
{
    g_LogEvent(Resource->Handle, LOG_INFORMATION, L"cleaning up\n");
    if (Resource->Process != NULL) {
        CloseHandle(Resource->Process);
        Resource->Process = NULL;
    }
}

static void DemoStopProcess(PDEMO_RESOURCE Resource)
{
    TerminateProcess(Resource->Process, 1);
    WaitForSingleObject(Resource->Process, INFINITE);
    DemoCleanup(Resource);
}

static DWORD WINAPI DemoCleanThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            DemoCleanup(resource);
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoReportingThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        // CHECK: terminate-then-helpers.c:[[@LINE+6]]:13: warning: worker routine 'DemoReportingThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it calls 'DemoSetState', which reports the resource status; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+5]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+4]]:13: note: 'g_SetResourceStatus(resource->Handle, &status) == Resourc...' is true
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+5]]:13: note: then worker routine 'DemoReportingThread' calls 'DemoSetState', which reports the resource status
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+4]]:13: note: 'DemoSetState' reports the resource status again here
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+43]]:14: note: 'DemoReportingThread' runs on a thread started by ClusWorkerCreate here
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            DemoSetState(resource, ClusterResourceFailed);
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoWaitingThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+6]]:13: warning: worker routine 'DemoWaitingThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it calls 'DemoStopProcess', which may block; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+5]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+4]]:13: note: 'g_SetResourceStatus(resource->Handle, &status) == Resourc...' is true
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+5]]:13: note: then worker routine 'DemoWaitingThread' calls 'DemoStopProcess', which may block
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+4]]:13: note: 'DemoStopProcess' may block here
        // CHECK-NEXT: terminate-then-helpers.c:[[@LINE+24]]:14: note: 'DemoWaitingThread' runs on a thread started by ClusWorkerCreate here
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            DemoStopProcess(resource);
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

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoCleanThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoReportingThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoWaitingThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 2 findings in 1 file
