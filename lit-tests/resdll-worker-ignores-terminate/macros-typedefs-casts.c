// Status calls are recognised through macros, typedef'd local copies,
// members of the callback table and casts of the result; the exit state is
// followed through RESOURCE_EXIT_STATE casts and a typedef of DWORD.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    RESOURCE_STATUS_EX Status;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

typedef PSET_RESOURCE_STATUS_ROUTINE_EX DEMO_STATUS_FN;
typedef DWORD DEMO_EXIT;

static PCLRES_CALLBACK_FUNCTION_TABLE g_Monitor;

#define DEMO_REPORT(res) \
    ((RESOURCE_EXIT_STATE)g_Monitor->SetResourceStatusEx((res)->Handle, \
                                                         &(res)->Status))
#define DEMO_TERMINATED(x) ((x) == ResourceExitStateTerminate)

static DWORD WINAPI DemoMacroThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    for (;;) {
        if (DEMO_TERMINATED(DEMO_REPORT(resource))) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoCopyThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DEMO_STATUS_FN report = g_Monitor->SetResourceStatusEx;
    DEMO_EXIT exitState;
    for (;;) {
        exitState = (DEMO_EXIT)(report)(resource->Handle, &resource->Status);
        if (DEMO_TERMINATED(exitState)) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

static DWORD WINAPI DemoDroppedThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DEMO_STATUS_FN report = g_Monitor->SetResourceStatusEx;
    for (;;) {
        // CHECK: macros-typedefs-casts.c:[[@LINE+5]]:15: warning: worker routine 'DemoDroppedThread' discards the exit state of 'DEMO_REPORT(resource)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+4]]:15: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+4]]:9: note: then worker routine 'DemoDroppedThread' waits in 'Sleep'
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+3]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+19]]:5: note: 'DemoDroppedThread' runs on a thread started by ClusWorkerCreate here
        (void)DEMO_REPORT(resource);
        Sleep(100);
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+5]]:15: warning: worker routine 'DemoDroppedThread' discards the exit state of 'report(resource->Handle, &resource->Status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+4]]:15: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+4]]:9: note: then worker routine 'DemoDroppedThread' waits in 'Sleep'
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+3]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: macros-typedefs-casts.c:[[@LINE+12]]:5: note: 'DemoDroppedThread' runs on a thread started by ClusWorkerCreate here
        (void)report(resource->Handle, &resource->Status);
        Sleep(100);
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusWorkerCreate(&resource->OnlineWorker, DemoMacroThread, resource);
    ClusWorkerCreate(&resource->OnlineWorker, DemoCopyThread, resource);
    ClusWorkerCreate(&resource->OnlineWorker, DemoDroppedThread, resource);
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 2 findings in 1 file
