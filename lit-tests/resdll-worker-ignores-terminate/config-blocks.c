// A project's API model entry with Blocks: true and a TimeoutArg:
// WaitForInputIdle on the Terminate path is a wait with the entry (a zero
// timeout stays a poll), and nothing without it.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' --config-file=%S/Inputs/blocks.yaml %s 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --check-prefix=BUILTIN --implicit-check-not=warning:
// BUILTIN: 0 findings in 1 file

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
    for (;;) {
        // CHECK: config-blocks.c:[[@LINE+6]]:13: warning: worker routine 'DemoOnlineThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it waits in 'WaitForInputIdle'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: config-blocks.c:[[@LINE+5]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: config-blocks.c:[[@LINE+4]]:13: note: 'g_SetResourceStatus(resource->Handle, &status) == Resourc...' is true
        // CHECK-NEXT: config-blocks.c:[[@LINE+6]]:13: note: then worker routine 'DemoOnlineThread' waits in 'WaitForInputIdle'
        // CHECK-NEXT: config-blocks.c:[[@LINE+5]]:13: note: 'WaitForInputIdle' blocks here
        // CHECK-NEXT: config-blocks.c:[[@LINE+19]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            WaitForInputIdle(resource->Process, 0);
            WaitForInputIdle(resource->Process, 5000);
            return ERROR_CANCELLED;
        }
        if (WaitForSingleObject(resource->StopEvent, 100) == WAIT_OBJECT_0) {
            return ERROR_SUCCESS;
        }
    }
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
