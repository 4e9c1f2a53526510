#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    HANDLE Process;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (WaitForSingleObject(resource->Process, 0) == WAIT_TIMEOUT) {
        status.CheckPoint++;
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;     /* the monitor terminated us: stop */
        }
        Sleep(500);
    }
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status); /* last report: fine */
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                          DWORD OnlineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker,
                                    DemoOnlineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}
