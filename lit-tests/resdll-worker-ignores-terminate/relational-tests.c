// Relational tests of the exit state: "> ResourceExitStateContinue" and
// "ResourceExitStateTerminate <= r" select the Terminate path (clean when it
// returns); "< ResourceExitStateTerminate" selects the Continue path, so
// the other branch is the Terminate path, and there the worker sleeps
// (finding).
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
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    for (;;) {
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState > ResourceExitStateContinue) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (ResourceExitStateTerminate <= exitState) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoInvertedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    for (;;) {
        // CHECK: relational-tests.c:[[@LINE+6]]:21: warning: worker routine 'DemoInvertedThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' may be ResourceExitStateTerminate: it waits in 'Sleep'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: relational-tests.c:[[@LINE+5]]:21: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: relational-tests.c:[[@LINE+5]]:13: note: 'exitState < ResourceExitStateTerminate' is false
        // CHECK-NEXT: relational-tests.c:[[@LINE+7]]:9: note: then worker routine 'DemoInvertedThread' waits in 'Sleep'
        // CHECK-NEXT: relational-tests.c:[[@LINE+6]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: relational-tests.c:[[@LINE+19]]:14: note: 'DemoInvertedThread' runs on a thread started by ClusWorkerCreate here
        exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState < ResourceExitStateTerminate) {
            g_LogEvent(resource->Handle, LOG_INFORMATION, L"continue\n");
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
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoInvertedThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
