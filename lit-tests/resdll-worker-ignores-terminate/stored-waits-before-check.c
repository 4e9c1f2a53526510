// The exit state is stored, but the worker sleeps before it tests it: on
// the path where it is Terminate the worker blocks.
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
    do {
        status.CheckPoint++;
        // CHECK: stored-waits-before-check.c:[[@LINE+5]]:21: warning: worker routine 'DemoOnlineThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' may be ResourceExitStateTerminate: it waits in 'Sleep'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: stored-waits-before-check.c:[[@LINE+4]]:21: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: stored-waits-before-check.c:[[@LINE+4]]:9: note: then worker routine 'DemoOnlineThread' waits in 'Sleep'
        // CHECK-NEXT: stored-waits-before-check.c:[[@LINE+3]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: stored-waits-before-check.c:[[@LINE+13]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        exitState = g_SetResourceStatus(resource->Handle, &status);
        Sleep(200);
    } while (exitState == ResourceExitStateContinue);
    return ERROR_CANCELLED;
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
