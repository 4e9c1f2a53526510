// The look-alikes of helper-result-ignored.c: the caller tests what the
// helper returns (the exit state itself, a BOOL "keep going" computed from
// it, a constant returned only on the Terminate path).
// RUN: %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

/* Returns the exit state of the status call. */
static DWORD DemoReport(PDEMO_RESOURCE Resource, CLUSTER_RESOURCE_STATE State,
                        DWORD CheckPoint)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    status.CheckPoint = CheckPoint;
    return g_SetResourceStatus(Resource->Handle, &status);
}

static BOOL DemoKeepGoing(PDEMO_RESOURCE Resource, DWORD CheckPoint)
{
    return DemoReport(Resource, ClusterResourceOnlinePending, CheckPoint) !=
           ResourceExitStateTerminate;
}

static BOOL DemoStillWanted(PDEMO_RESOURCE Resource, DWORD CheckPoint)
{
    DWORD exitState = DemoReport(Resource, ClusterResourceOnlinePending,
                                 CheckPoint);
    if (exitState == ResourceExitStateTerminate) {
        g_LogEvent(Resource->Handle, LOG_INFORMATION, L"terminated\n");
        return FALSE;
    }
    return TRUE;
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DWORD checkPoint = 0;

    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        if (DemoReport(resource, ClusterResourceOnlinePending, ++checkPoint) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
        Sleep(500);
        if (!DemoKeepGoing(resource, ++checkPoint)) {
            return ERROR_CANCELLED;
        }
        Sleep(500);
        if (!DemoStillWanted(resource, ++checkPoint)) {
            break;
        }
        Sleep(500);
    }
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
// CHECK: 0 findings in 1 file
