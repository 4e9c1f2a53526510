/*
 * svcwatch.c - a resource DLL for a "Service Watch" cluster resource.
 *
 * Each resource keeps a Windows service running on the node that owns it.
 * OnlineV2 and OfflineV2 start ClusWorker threads that start or stop the
 * service and report progress with SetResourceStatusEx; a health thread
 * shared by all resources of the type polls every service and reports the
 * ones that stopped. Resources are kept in a list so that the health thread
 * and ResourceTypeControl can reach them.
 *
 * The code is written in the style of the Windows SDK samples: goto cleanup,
 * ResUtil calls, CONTAINING_RECORD from the CLUS_WORKER, logging macros.
 * It carries the wrong-handle bugs that resdll-check's rule 2 must find (see
 * lit-tests/resdll-status-wrong-handle/svcwatch.test), among many correct
 * uses that it must leave alone.
 */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define SVCW_PARAMETERS L"Parameters"
#define SVCW_POLL_MS 2000
#define SVCW_START_TIMEOUT_MS 60000

typedef struct SVCW_RESOURCE {
    LIST_ENTRY Link;                /* g_Resources */
    RESOURCE_HANDLE ResourceHandle; /* what OpenV2 received */
    HKEY ParametersKey;
    LPWSTR ResourceName;
    LPWSTR ServiceName;
    SC_HANDLE ScManager;
    SC_HANDLE Service;
    HANDLE StopEvent;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
    CLUSTER_RESOURCE_STATE State;
    DWORD Failures;
} SVCW_RESOURCE, *PSVCW_RESOURCE;

/* One request to the health thread. */
typedef struct SVCW_PROBE {
    RESOURCE_HANDLE Handle;
    DWORD Timeout;
} SVCW_PROBE, *PSVCW_PROBE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;
static CRITICAL_SECTION g_ListLock;
static LIST_ENTRY g_Resources;
static HANDLE g_HealthThread;
static HANDLE g_HealthStop;
static RESOURCE_HANDLE g_LastOpened; /* for diagnostics */

#define SVCW_LOG(res, level, fmt, ...) \
    g_LogEvent((res)->ResourceHandle, (level), (fmt), __VA_ARGS__)

static void InsertResource(PSVCW_RESOURCE Resource)
{
    EnterCriticalSection(&g_ListLock);
    Resource->Link.Flink = &g_Resources;
    Resource->Link.Blink = g_Resources.Blink;
    g_Resources.Blink->Flink = &Resource->Link;
    g_Resources.Blink = &Resource->Link;
    LeaveCriticalSection(&g_ListLock);
}

static void RemoveResource(PSVCW_RESOURCE Resource)
{
    EnterCriticalSection(&g_ListLock);
    Resource->Link.Blink->Flink = Resource->Link.Flink;
    Resource->Link.Flink->Blink = Resource->Link.Blink;
    LeaveCriticalSection(&g_ListLock);
}

static DWORD ReportStatus(PSVCW_RESOURCE Resource, CLUSTER_RESOURCE_STATE State,
                          DWORD CheckPoint)
{
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    status.CheckPoint = CheckPoint;
    Resource->State = State;
    return g_SetResourceStatus(Resource->ResourceHandle, &status);
}

static void LogFailure(RESOURCE_HANDLE Handle, LPCWSTR What, DWORD Status)
{
    g_LogEvent(Handle, LOG_ERROR, L"%1!ws! failed: %2!u!\n", What, Status);
}

static void SvcwFree(PSVCW_RESOURCE Resource)
{
    if (Resource == NULL) {
        return;
    }
    if (Resource->StopEvent != NULL) {
        CloseHandle(Resource->StopEvent);
    }
    if (Resource->ParametersKey != NULL) {
        ClusterRegCloseKey(Resource->ParametersKey);
    }
    LocalFree(Resource->ServiceName);
    LocalFree(Resource->ResourceName);
    LocalFree(Resource);
}

RESID WINAPI SvcwOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PSVCW_RESOURCE resource = NULL;
    DWORD status = ERROR_SUCCESS;

    resource = (PSVCW_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        status = GetLastError();
        g_LogEvent(ResourceHandle, LOG_ERROR, L"Out of memory.\n");
        goto cleanup;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->State = ClusterResourceOffline;
    g_LastOpened = ResourceHandle;

    status = ClusterRegOpenKey(ResourceKey, SVCW_PARAMETERS, KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        SVCW_LOG(resource, LOG_ERROR, L"Cannot open the parameters: %1!u!\n",
                 status);
        goto cleanup;
    }
    resource->ResourceName = ResUtilDupString(ResourceName);
    resource->ServiceName = ResUtilGetSzValue(resource->ParametersKey,
                                              L"ServiceName");
    if (resource->ResourceName == NULL || resource->ServiceName == NULL) {
        status = GetLastError();
        LogFailure(resource->ResourceHandle, L"Reading ServiceName", status);
        goto cleanup;
    }
    resource->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (resource->StopEvent == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    InsertResource(resource);

cleanup:
    if (status != ERROR_SUCCESS) {
        SvcwFree(resource);
        SetLastError(status);
        return NULL;
    }
    return (RESID)resource;
}

void WINAPI SvcwClose(RESID Resource)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;

    ClusWorkerTerminate(&resource->OnlineWorker);
    ClusWorkerTerminate(&resource->OfflineWorker);
    RemoveResource(resource);
    SvcwFree(resource);
}

static DWORD OpenService_(PSVCW_RESOURCE Resource)
{
    Resource->ScManager = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (Resource->ScManager == NULL) {
        return GetLastError();
    }
    Resource->Service = OpenServiceW(Resource->ScManager, Resource->ServiceName,
                                     SERVICE_START | SERVICE_STOP |
                                         SERVICE_QUERY_STATUS);
    if (Resource->Service == NULL) {
        return GetLastError();
    }
    return ERROR_SUCCESS;
}

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Context;
    RESOURCE_HANDLE handle = NULL;
    SERVICE_STATUS service;
    DWORD status;
    DWORD checkPoint = 0;
    DWORD waited = 0;

    status = OpenService_(resource);
    if (status != ERROR_SUCCESS) {
        goto cleanup;
    }
    handle = resource->ResourceHandle;
    if (!StartServiceW(resource->Service, 0, NULL)) {
        status = GetLastError();
        if (status != ERROR_SERVICE_ALREADY_RUNNING) {
            goto cleanup;
        }
        status = ERROR_SUCCESS;
    }
    while (!ClusWorkerCheckTerminate(Worker)) {
        if (!QueryServiceStatus(resource->Service, &service)) {
            status = GetLastError();
            break;
        }
        if (service.dwCurrentState == SERVICE_RUNNING) {
            ReportStatus(resource, ClusterResourceOnline, ++checkPoint);
            break;
        }
        if (ReportStatus(resource, ClusterResourceOnlinePending, ++checkPoint) ==
            ResourceExitStateTerminate) {
            status = ERROR_OPERATION_ABORTED;
            break;
        }
        if (waited >= SVCW_START_TIMEOUT_MS) {
            status = ERROR_TIMEOUT;
            break;
        }
        Sleep(500);
        waited += 500;
    }

cleanup:
    if (status != ERROR_SUCCESS) {
        /* Bug: 'handle' is still NULL when OpenService_ failed. */
        g_LogEvent(handle, LOG_ERROR, L"Online failed: %1!u!\n", status);
        ReportStatus(resource, ClusterResourceFailed, ++checkPoint);
    }
    return status;
}

DWORD WINAPI SvcwOnlineV2(RESID Resource, LPHANDLE EventHandle,
                          DWORD OnlineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    DWORD status;

    ClusWorkerTerminate(&resource->OnlineWorker);
    ResetEvent(resource->StopEvent);
    status = ClusWorkerCreate(&resource->OnlineWorker, OnlineThread, resource);
    if (status != ERROR_SUCCESS) {
        SVCW_LOG(resource, LOG_ERROR, L"Cannot start the online worker: %1!u!\n",
                 status);
        return status;
    }
    return ERROR_IO_PENDING;
}

static DWORD WINAPI OfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PSVCW_RESOURCE resource =
        CONTAINING_RECORD(Worker, SVCW_RESOURCE, OfflineWorker);
    SERVICE_STATUS service;
    RESOURCE_STATUS_EX status;
    DWORD checkPoint = 0;

    SetEvent(resource->StopEvent);
    if (resource->Service != NULL &&
        !ControlService(resource->Service, SERVICE_CONTROL_STOP, &service)) {
        LogFailure(resource->ResourceHandle, L"Stopping the service",
                   GetLastError());
    }
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOfflinePending;
    status.CheckPoint = ++checkPoint;
    /* Bug: the stop event, not the resource handle. */
    g_SetResourceStatus(resource->StopEvent, &status);
    if (resource->Service != NULL) {
        CloseServiceHandle(resource->Service);
        resource->Service = NULL;
    }
    if (resource->ScManager != NULL) {
        CloseServiceHandle(resource->ScManager);
        resource->ScManager = NULL;
    }
    ReportStatus(resource, ClusterResourceOffline, ++checkPoint);
    return ERROR_SUCCESS;
}

DWORD WINAPI SvcwOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    DWORD status;

    ClusWorkerTerminate(&resource->OnlineWorker);
    status = ClusWorkerCreate(&resource->OfflineWorker, OfflineThread, NULL);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

void WINAPI SvcwTerminate(RESID Resource)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    PSVCW_RESOURCE first;

    ClusWorkerTerminate(&resource->OnlineWorker);
    ClusWorkerTerminate(&resource->OfflineWorker);
    EnterCriticalSection(&g_ListLock);
    first = CONTAINING_RECORD(g_Resources.Flink, SVCW_RESOURCE, Link);
    /* Bug: the first resource of the list, not this one. */
    g_LogEvent(first->ResourceHandle, LOG_WARNING, L"Terminated.\n");
    LeaveCriticalSection(&g_ListLock);
}

BOOL WINAPI SvcwLooksAlive(RESID Resource)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    return resource->State == ClusterResourceOnline;
}

BOOL WINAPI SvcwIsAlive(RESID Resource)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    SERVICE_STATUS service;

    if (resource->Service == NULL ||
        !QueryServiceStatus(resource->Service, &service)) {
        return FALSE;
    }
    if (service.dwCurrentState != SERVICE_RUNNING) {
        SVCW_LOG(resource, LOG_WARNING, L"The service state is %1!u!.\n",
                 service.dwCurrentState);
        return FALSE;
    }
    return TRUE;
}

DWORD WINAPI SvcwResourceControl(RESID Resource, DWORD ControlCode,
                                 PVOID InBuffer, DWORD InBufferSize,
                                 PVOID OutBuffer, DWORD OutBufferSize,
                                 LPDWORD BytesReturned)
{
    PSVCW_RESOURCE resource = (PSVCW_RESOURCE)Resource;
    DWORD status;

    switch (ControlCode) {
    case CLUSCTL_RESOURCE_GET_CHARACTERISTICS:
        *BytesReturned = sizeof(DWORD);
        if (OutBufferSize < sizeof(DWORD)) {
            return ERROR_MORE_DATA;
        }
        *(LPDWORD)OutBuffer = 0;
        return ERROR_SUCCESS;
    case CLUSCTL_RESOURCE_SET_PRIVATE_PROPERTIES:
        /* Bug: the RESID is not the resource handle. */
        g_LogEvent((RESOURCE_HANDLE)Resource, LOG_INFORMATION,
                   L"Private properties changed.\n");
        status = ERROR_SUCCESS;
        break;
    default:
        SVCW_LOG(resource, LOG_INFORMATION, L"Control code %1!u!.\n",
                 ControlCode);
        status = ERROR_INVALID_FUNCTION;
        break;
    }
    return status;
}

/* The health thread of the resource type: every resource's own handle. */
static DWORD WINAPI HealthThread(LPVOID Parameter)
{
    PLIST_ENTRY entry;
    PSVCW_RESOURCE resource;
    SERVICE_STATUS service;

    while (WaitForSingleObject(g_HealthStop, SVCW_POLL_MS) == WAIT_TIMEOUT) {
        EnterCriticalSection(&g_ListLock);
        for (entry = g_Resources.Flink; entry != &g_Resources;
             entry = entry->Flink) {
            resource = CONTAINING_RECORD(entry, SVCW_RESOURCE, Link);
            if (resource->State != ClusterResourceOnline ||
                resource->Service == NULL) {
                continue;
            }
            if (!QueryServiceStatus(resource->Service, &service) ||
                service.dwCurrentState != SERVICE_RUNNING) {
                resource->Failures++;
                ReportStatus(resource, ClusterResourceFailed, 0);
            }
        }
        LeaveCriticalSection(&g_ListLock);
        /* Bug: the handle of whichever resource was opened last. */
        g_LogEvent(g_LastOpened, LOG_INFORMATION, L"Health check done.\n");
    }
    return 0;
}

/* A probe request: its own copy of the handle. */
static DWORD WINAPI ProbeThread(LPVOID Parameter)
{
    PSVCW_PROBE probe = (PSVCW_PROBE)Parameter;
    g_LogEvent(probe->Handle, LOG_INFORMATION, L"Probe (%1!u! ms).\n",
               probe->Timeout);
    LocalFree(probe);
    return 0;
}

static DWORD StartProbe(PSVCW_RESOURCE Resource)
{
    PSVCW_PROBE probe = (PSVCW_PROBE)LocalAlloc(LPTR, sizeof(*probe));
    if (probe == NULL) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    probe->Handle = Resource->ResourceHandle;
    probe->Timeout = SVCW_POLL_MS;
    if (!QueueUserWorkItem(ProbeThread, probe, WT_EXECUTEDEFAULT)) {
        LocalFree(probe);
        return GetLastError();
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI SvcwResourceTypeControl(LPCWSTR ResourceTypeName,
                                     DWORD ControlCode, PVOID InBuffer,
                                     DWORD InBufferSize, PVOID OutBuffer,
                                     DWORD OutBufferSize, LPDWORD BytesReturned)
{
    PLIST_ENTRY entry;
    DWORD status = ERROR_SUCCESS;

    if (ControlCode != CLUSCTL_RESOURCE_TYPE_STARTING_PHASE2) {
        return ERROR_INVALID_FUNCTION;
    }
    EnterCriticalSection(&g_ListLock);
    for (entry = g_Resources.Flink; entry != &g_Resources && status == ERROR_SUCCESS;
         entry = entry->Flink) {
        status = StartProbe(CONTAINING_RECORD(entry, SVCW_RESOURCE, Link));
    }
    LeaveCriticalSection(&g_ListLock);
    return status;
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
    /* Bug: there is no resource here; the handle cannot be NULL. */
    g_LogEvent(NULL, LOG_INFORMATION, L"Service Watch starting.\n");
    g_HealthStop = CreateEventW(NULL, TRUE, FALSE, NULL);
    g_HealthThread = CreateThread(NULL, 0, HealthThread, NULL, 0, NULL);
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Svcw,
                                NULL, NULL, NULL, SvcwResourceTypeControl,
                                SvcwLooksAlive, SvcwIsAlive, NULL);
    g_FunctionTable.V2Functions.ResourceControl = SvcwResourceControl;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}

BOOL WINAPI DllMain(HINSTANCE Instance, DWORD Reason, LPVOID Reserved)
{
    switch (Reason) {
    case DLL_PROCESS_ATTACH:
        InitializeCriticalSection(&g_ListLock);
        g_Resources.Flink = &g_Resources;
        g_Resources.Blink = &g_Resources;
        DisableThreadLibraryCalls(Instance);
        break;
    case DLL_PROCESS_DETACH:
        if (g_HealthStop != NULL) {
            SetEvent(g_HealthStop);
        }
        DeleteCriticalSection(&g_ListLock);
        break;
    }
    return TRUE;
}
