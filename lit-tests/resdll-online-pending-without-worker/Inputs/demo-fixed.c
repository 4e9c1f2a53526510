#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    SC_HANDLE Service;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static CLRES_FUNCTION_TABLE g_FunctionTable;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                          DWORD OnlineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    if (!StartServiceW(resource->Service, 0, NULL) &&
        GetLastError() != ERROR_SERVICE_ALREADY_RUNNING) {
        return GetLastError();
    }
    /* Starting or already running: the worker reports when it is online. */
    return ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread,
                            resource) == ERROR_SUCCESS
               ? ERROR_IO_PENDING
               : ERROR_GEN_FAILURE;
}

void DemoRegister(void)
{
    g_FunctionTable.V2Functions.Online = DemoOnlineV2;
}
