#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    /* ... bring the resource online, report with SetResourceStatusEx ... */
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
