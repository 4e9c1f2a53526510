// The V1 Online and Offline entry points follow the same contract.
// RUN: not %resdll-check '--checks=-*,resdll-online-pending-without-worker' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct LEGACY_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER Worker;
} LEGACY_RESOURCE, *PLEGACY_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE g_SetResourceStatus;

static DWORD WINAPI LegacyOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PLEGACY_RESOURCE resource = (PLEGACY_RESOURCE)Context;
    RESOURCE_STATUS status;
    ResUtilInitializeResourceStatus(&status);
    status.ResourceState = ClusterResourceOnline;
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
    return status != ERROR_SUCCESS ? status : ERROR_IO_PENDING;
}

DWORD WINAPI LegacyOffline(RESID Resource)
{
    // CHECK: v1-online.c:[[@LINE+2]]:5: warning: Offline entry point 'LegacyOffline' returns ERROR_IO_PENDING ('return ERROR_IO_PENDING') on a path that starts no worker: nothing reports the resource status to end the pending Offline [resdll-online-pending-without-worker]
    // CHECK-NEXT: v1-online.c:[[@LINE+8]]:1: note: 'LegacyOffline' is registered as the Offline entry point in the initialiser of 'g_LegacyFunctionTable.V1Functions.Offline'
    return ERROR_IO_PENDING;
}

void WINAPI LegacyTerminate(RESID Resource) {}
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
    *FunctionTable = &g_LegacyFunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
