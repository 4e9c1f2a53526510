// A worker reports progress after each step of a copy and throws the exit
// state away: after ResourceExitStateTerminate it goes round the loop again.
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

static DWORD WINAPI DemoCopyThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    static const LPCWSTR files[] = {L"a.dat", L"b.dat", L"c.dat"};
    RESOURCE_STATUS_EX status;
    int i;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (i = 0; i < 3; i++) {
        if (!CopyFileW(files[i], resource->Path, FALSE)) {
            return GetLastError();
        }
        status.CheckPoint = i + 1;
        // CHECK: discarded-in-loop.c:[[@LINE+5]]:9: warning: worker routine 'DemoCopyThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then goes round the loop again; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: discarded-in-loop.c:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: discarded-in-loop.c:[[@LINE-7]]:5: note: then worker routine 'DemoCopyThread' goes round the loop again
        // CHECK-NEXT: discarded-in-loop.c:[[@LINE-8]]:5: note: the loop goes round again here
        // CHECK-NEXT: discarded-in-loop.c:[[@LINE+12]]:14: note: 'DemoCopyThread' runs on a thread started by ClusWorkerCreate here
        g_SetResourceStatus(resource->Handle, &status);
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoCopyThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
