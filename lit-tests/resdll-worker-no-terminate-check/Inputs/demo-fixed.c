#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    LPCWSTR Path;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        if (ClusWorkerCheckTerminate(Worker)) {
            return ERROR_CANCELLED;     /* ClusWorkerTerminate asked us */
        }
        Sleep(1000);
    }
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
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker,
                                    DemoOnlineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}
