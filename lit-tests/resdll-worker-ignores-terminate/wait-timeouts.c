// A wait with a zero timeout is a poll, not a wait (clean); an INFINITE
// wait on the Terminate path blocks (finding); so does SleepEx.
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

static DWORD WINAPI DemoPollThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    HANDLE handles[2];

    ZeroMemory(&status, sizeof(status));
    handles[0] = resource->Process;
    handles[1] = resource->StopEvent;
    for (;;) {
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            WaitForSingleObject(resource->Process, 0);
            WaitForMultipleObjects(2, handles, FALSE, 0);
            SleepEx(0, FALSE);
            return ERROR_CANCELLED;
        }
        WaitForMultipleObjects(2, handles, FALSE, 250);
    }
}

static DWORD WINAPI DemoJoinThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    for (;;) {
        // CHECK: wait-timeouts.c:[[@LINE+6]]:21: warning: worker routine 'DemoJoinThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it waits in 'WaitForSingleObject'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: wait-timeouts.c:[[@LINE+5]]:21: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: wait-timeouts.c:[[@LINE+5]]:13: note: 'exitState == ResourceExitStateTerminate' is true
        // CHECK-NEXT: wait-timeouts.c:[[@LINE+6]]:13: note: then worker routine 'DemoJoinThread' waits in 'WaitForSingleObject'
        // CHECK-NEXT: wait-timeouts.c:[[@LINE+5]]:13: note: 'WaitForSingleObject' blocks here
        // CHECK-NEXT: wait-timeouts.c:[[@LINE+38]]:14: note: 'DemoJoinThread' runs on a thread started by ClusWorkerCreate here
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState == ResourceExitStateTerminate) {
            TerminateProcess(resource->Process, 1);
            WaitForSingleObject(resource->Process, INFINITE);
            return ERROR_CANCELLED;
        }
        SleepEx(250, TRUE);
    }
}

static DWORD WINAPI DemoAlertableThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD timeout = 250;

    ZeroMemory(&status, sizeof(status));
    // CHECK-NEXT: wait-timeouts.c:[[@LINE+5]]:5: warning: worker routine 'DemoAlertableThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'SleepEx'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: wait-timeouts.c:[[@LINE+4]]:5: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: wait-timeouts.c:[[@LINE+4]]:5: note: then worker routine 'DemoAlertableThread' waits in 'SleepEx'
    // CHECK-NEXT: wait-timeouts.c:[[@LINE+3]]:5: note: 'SleepEx' blocks here
    // CHECK-NEXT: wait-timeouts.c:[[@LINE+20]]:14: note: 'DemoAlertableThread' runs on a thread started by ClusWorkerCreate here
    g_SetResourceStatus(resource->Handle, &status);
    SleepEx(timeout, TRUE);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoPollThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoJoinThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoAlertableThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 2 findings in 1 file
