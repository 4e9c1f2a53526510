// A switch over the exit state: the Terminate case returns (clean), or only
// breaks out of the switch, and the loop goes on (a finding).
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

static DWORD WINAPI DemoReturnsThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        status.CheckPoint++;
        switch (g_SetResourceStatus(resource->Handle, &status)) {
        case ResourceExitStateTerminate:
            return ERROR_CANCELLED;
        case ResourceExitStateContinue:
        default:
            break;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoBreaksThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (;;) {
        status.CheckPoint++;
        // CHECK: switch-over-result.c:[[@LINE+6]]:17: warning: worker routine 'DemoBreaksThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it waits in 'Sleep'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: switch-over-result.c:[[@LINE+5]]:17: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: switch-over-result.c:[[@LINE+5]]:9: note: 'case ResourceExitStateTerminate:' is taken
        // CHECK-NEXT: switch-over-result.c:[[@LINE+10]]:9: note: then worker routine 'DemoBreaksThread' waits in 'Sleep'
        // CHECK-NEXT: switch-over-result.c:[[@LINE+9]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: switch-over-result.c:[[@LINE+22]]:14: note: 'DemoBreaksThread' runs on a thread started by ClusWorkerCreate here
        switch (g_SetResourceStatus(resource->Handle, &status)) {
        case ResourceExitStateTerminate:
            g_LogEvent(resource->Handle, LOG_INFORMATION, L"terminated\n");
            break;
        default:
            break;
        }
        Sleep(100);
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoReturnsThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoBreaksThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
