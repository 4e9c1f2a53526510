// A worker routine written with one parameter is cast to
// PWORKER_START_ROUTINE: ClusWorkerCreate calls it with two, and the cast
// hides what the compiler would have reported.
// RUN: not %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD WINAPI DemoOnlineThread(LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker,
                                    // CHECK: worker-missing-parameter.c:[[@LINE+2]]:37: warning: 'DemoOnlineThread' is cast to PWORKER_START_ROUTINE, but it takes 1 parameter where PWORKER_START_ROUTINE takes 2: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                                    // CHECK-NEXT: worker-missing-parameter.c:[[@LINE-16]]:21: note: 'DemoOnlineThread' is declared here
                                    (PWORKER_START_ROUTINE)DemoOnlineThread,
                                    resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}
// CHECK-NEXT: 1 finding in 1 file
