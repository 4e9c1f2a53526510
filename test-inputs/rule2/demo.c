/*
 * demo.c - the example of rules/resdll-status-wrong-handle.md: a worker
 * that reports its progress with the resource's stop event instead of the
 * ResourceHandle OpenV2 stored.
 */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle; /* what OpenV2 received */
    HANDLE StopEvent;
    CLUS_WORKER OnlineWorker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL; /* LocalAlloc set the last error */
    }
    resource->ResourceHandle = ResourceHandle;
    resource->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (resource->StopEvent == NULL) {
        DWORD status = GetLastError();
        LocalFree(resource);
        SetLastError(status);
        return NULL;
    }
    return (RESID)resource;
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = Context;
    RESOURCE_STATUS_EX status = { .ResourceState = ClusterResourceOnline };

    g_SetResourceStatus(resource->StopEvent, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = Resource;
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

void WINAPI DemoClose(RESID Resource)
{
    PDEMO_RESOURCE resource = Resource;
    ClusWorkerTerminate(&resource->OnlineWorker);
    CloseHandle(resource->StopEvent);
    LocalFree(resource);
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    SetEvent(((PDEMO_RESOURCE)Resource)->StopEvent);
    return ERROR_SUCCESS;
}

void WINAPI DemoTerminate(RESID Resource) { DemoOfflineV2(Resource, NULL, 0, NULL, 0, 0); }
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
