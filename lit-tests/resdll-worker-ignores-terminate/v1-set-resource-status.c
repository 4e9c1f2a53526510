// A V1 resource DLL: PSET_RESOURCE_STATUS_ROUTINE returns the same DWORD
// exit state, and the rule applies to it. The Online worker drops it in its
// loop (finding); the Offline worker tests it (clean).
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct LEGACY_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER Worker;
    HANDLE Process;
} LEGACY_RESOURCE, *PLEGACY_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static DWORD WINAPI LegacyOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Context;
    RESOURCE_STATUS status;

    ResUtilInitializeResourceStatus(&status);
    status.ResourceState = ClusterResourceOnlinePending;
    while (WaitForSingleObject(resource->Process, 500) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        // CHECK: v1-set-resource-status.c:[[@LINE+5]]:9: warning: worker routine 'LegacyOnlineThread' discards the exit state of '(*g_SetResourceStatus)(resource->Handle, &status)' and then goes round the loop again; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: v1-set-resource-status.c:[[@LINE+4]]:9: note: SetResourceStatus returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: v1-set-resource-status.c:[[@LINE-4]]:5: note: then worker routine 'LegacyOnlineThread' goes round the loop again
        // CHECK-NEXT: v1-set-resource-status.c:[[@LINE-5]]:5: note: the loop goes round again here
        // CHECK-NEXT: v1-set-resource-status.c:[[@LINE+45]]:20: note: 'LegacyOnlineThread' runs on a thread started by ClusWorkerCreate here
        (*g_SetResourceStatus)(resource->Handle, &status);
    }
    status.ResourceState = ClusterResourceOnline;
    (*g_SetResourceStatus)(resource->Handle, &status);
    return ERROR_SUCCESS;
}

static DWORD WINAPI LegacyOfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Context;
    RESOURCE_STATUS status;

    ResUtilInitializeResourceStatus(&status);
    status.ResourceState = ClusterResourceOfflinePending;
    TerminateProcess(resource->Process, 0);
    while (WaitForSingleObject(resource->Process, 500) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
    }
    status.ResourceState = ClusterResourceOffline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

RESID WINAPI LegacyOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle)
{
    PLEGACY_RESOURCE resource =
        (PLEGACY_RESOURCE)LocalAlloc(LPTR, sizeof(LEGACY_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI LegacyClose(RESID Resource) { LocalFree(Resource); }

DWORD WINAPI LegacyOnline(RESID Resource, LPHANDLE EventHandle)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->Worker, LegacyOnlineThread,
                                    resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

DWORD WINAPI LegacyOffline(RESID Resource)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Resource;
    DWORD status;
    ClusWorkerTerminate(&resource->Worker);
    status = ClusWorkerCreate(&resource->Worker, LegacyOfflineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

void WINAPI LegacyTerminate(RESID Resource)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Resource;
    ClusWorkerTerminate(&resource->Worker);
}

BOOL WINAPI LegacyLooksAlive(RESID Resource) { return TRUE; }
BOOL WINAPI LegacyIsAlive(RESID Resource) { return TRUE; }

CLRES_V1_FUNCTION_TABLE(g_LegacyFunctionTable, CLRES_VERSION_V1_00, Legacy,
                        NULL, NULL, NULL, NULL);

DWORD WINAPI Startup(LPCWSTR ResourceType, DWORD MinVersionSupported,
                     DWORD MaxVersionSupported,
                     PSET_RESOURCE_STATUS_ROUTINE SetResourceStatus,
                     PLOG_EVENT_ROUTINE LogEvent,
                     PCLRES_FUNCTION_TABLE *FunctionTable)
{
    g_SetResourceStatus = SetResourceStatus;
    g_LogEvent = LogEvent;
    *FunctionTable = &g_LegacyFunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
