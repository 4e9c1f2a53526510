/*
 * filewatch.c - a small resource DLL for a "File Watch" cluster resource.
 *
 * The resource brings a marker file online: OnlineV2 starts a worker thread
 * that opens the file named by the resource's "Path" private property and
 * reports ClusterResourceOnline through SetResourceStatusEx; OfflineV2 closes
 * it. It is the example that resdll-check's quick start runs on: OpenV2 has
 * a path that returns NULL without setting the last error.
 */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define FILEWATCH_PARAMETERS L"Parameters"

typedef struct FILEWATCH_RESOURCE {
    RESOURCE_HANDLE ResourceHandle; /* what OpenV2 received */
    HKEY ParametersKey;
    LPWSTR Path;
    HANDLE File;
    CLUS_WORKER OnlineWorker;
} FILEWATCH_RESOURCE, *PFILEWATCH_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static void FileWatchFree(PFILEWATCH_RESOURCE Resource)
{
    if (Resource->ParametersKey != NULL) {
        ClusterRegCloseKey(Resource->ParametersKey);
    }
    LocalFree(Resource->Path);
    LocalFree(Resource);
}

RESID WINAPI FileWatchOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PFILEWATCH_RESOURCE resource = NULL;
    DWORD status;

    resource = (PFILEWATCH_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        /* LocalAlloc set the last error. */
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->File = INVALID_HANDLE_VALUE;

    status = ClusterRegOpenKey(ResourceKey, FILEWATCH_PARAMETERS, KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        g_LogEvent(ResourceHandle, LOG_ERROR,
                   L"Cannot open the Parameters key: %1!u!\n", status);
        FileWatchFree(resource);
        /* Bug: ClusterRegOpenKey returns its error, it does not set the
         * thread's last error, and nothing else does on this path. */
        return NULL;
    }

    resource->Path = ResUtilGetSzValue(resource->ParametersKey, L"Path");
    if (resource->Path == NULL) {
        status = GetLastError();
        FileWatchFree(resource);
        SetLastError(status);
        return NULL;
    }
    return (RESID)resource;
}

void WINAPI FileWatchClose(RESID Resource)
{
    FileWatchFree((PFILEWATCH_RESOURCE)Resource);
}

static DWORD WINAPI FileWatchOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PFILEWATCH_RESOURCE resource = (PFILEWATCH_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    DWORD exitState;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (!ClusWorkerCheckTerminate(Worker)) {
        resource->File = CreateFileW(resource->Path, GENERIC_READ,
                                     FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (resource->File != INVALID_HANDLE_VALUE) {
            status.ResourceState = ClusterResourceOnline;
            break;
        }
        status.CheckPoint++;
        exitState = g_SetResourceStatus(resource->ResourceHandle, &status);
        if (exitState == ResourceExitStateTerminate) {
            return ERROR_OPERATION_ABORTED;
        }
        Sleep(500);
    }
    g_SetResourceStatus(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI FileWatchOnlineV2(RESID Resource, LPHANDLE EventHandle,
                               DWORD OnlineFlags, PBYTE InBuffer,
                               DWORD InBufferSize, DWORD Reserved)
{
    PFILEWATCH_RESOURCE resource = (PFILEWATCH_RESOURCE)Resource;
    DWORD status;

    ClusWorkerTerminate(&resource->OnlineWorker);
    status = ClusWorkerCreate(&resource->OnlineWorker,
                              (PWORKER_START_ROUTINE)FileWatchOnlineThread,
                              resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

DWORD WINAPI FileWatchOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                                DWORD OfflineFlags, PBYTE InBuffer,
                                DWORD InBufferSize, DWORD Reserved)
{
    PFILEWATCH_RESOURCE resource = (PFILEWATCH_RESOURCE)Resource;

    ClusWorkerTerminate(&resource->OnlineWorker);
    if (resource->File != INVALID_HANDLE_VALUE) {
        CloseHandle(resource->File);
        resource->File = INVALID_HANDLE_VALUE;
    }
    return ERROR_SUCCESS;
}

void WINAPI FileWatchTerminate(RESID Resource)
{
    FileWatchOfflineV2(Resource, NULL, 0, NULL, 0, 0);
}

BOOL WINAPI FileWatchIsAlive(RESID Resource)
{
    PFILEWATCH_RESOURCE resource = (PFILEWATCH_RESOURCE)Resource;
    return resource->File != INVALID_HANDLE_VALUE;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    if (MinVersionSupported > CLRES_VERSION_V2_00 ||
        MaxVersionSupported < CLRES_VERSION_V2_00) {
        return ERROR_REVISION_MISMATCH;
    }
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, FileWatch,
                                NULL, NULL, NULL, NULL,
                                FileWatchIsAlive, FileWatchIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
