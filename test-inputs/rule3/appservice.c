/*
 * appservice.c - a resource DLL for an "App Service" cluster resource.
 *
 * The resource keeps a Windows service running on the node that owns it.
 * OnlineV2 starts a worker that starts the service and waits until it runs,
 * reporting ClusterResourceOnlinePending checkpoints through
 * SetResourceStatusEx; OfflineV2 starts a worker that stops the service.
 * The resource's private properties (Parameters key) name the service and
 * the number of seconds to wait for it.
 *
 * resdll-check's rule 3 tests run on this file: most of its workers act on
 * ResourceExitStateTerminate correctly; two places do not (see the lit test
 * lit-tests/resdll-worker-ignores-terminate/realistic-dll.c).
 */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define APP_PARAMETERS_KEY L"Parameters"
#define APP_SERVICE_NAME L"ServiceName"
#define APP_TIMEOUT_NAME L"StartTimeout"
#define APP_DEFAULT_TIMEOUT 120
#define APP_POLL_MS 500

typedef struct APP_RESOURCE {
    RESOURCE_HANDLE ResourceHandle; /* what OpenV2 received */
    HKEY ParametersKey;
    LPWSTR ServiceName;
    DWORD StartTimeout;             /* seconds */
    SC_HANDLE ServiceManager;
    SC_HANDLE Service;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
    CRITICAL_SECTION Lock;
    BOOL Online;
} APP_RESOURCE, *PAPP_RESOURCE;

static CLRES_FUNCTION_TABLE g_AppFunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

/* --- helpers --------------------------------------------------------- */

/* Reports State with a checkpoint; returns the monitor's exit state. */
static DWORD AppReport(PAPP_RESOURCE Resource, CLUSTER_RESOURCE_STATE State,
                       DWORD CheckPoint)
{
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    status.CheckPoint = CheckPoint;
    return g_SetResourceStatus(Resource->ResourceHandle, &status);
}

/* Reports a final state; nothing can follow it. */
static void AppSetFinalState(PAPP_RESOURCE Resource,
                             CLUSTER_RESOURCE_STATE State, DWORD Error)
{
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    status.ApplicationSpecificErrorCode = Error;
    g_SetResourceStatus(Resource->ResourceHandle, &status);
}

static void AppLog(PAPP_RESOURCE Resource, LOG_LEVEL Level, LPCWSTR Text,
                   DWORD Value)
{
    g_LogEvent(Resource->ResourceHandle, Level, L"%1!ws! (%2!u!)\n", Text,
               Value);
}

static DWORD AppOpenService(PAPP_RESOURCE Resource, DWORD Access)
{
    if (Resource->ServiceManager == NULL) {
        Resource->ServiceManager = OpenSCManagerW(NULL, NULL,
                                                  SC_MANAGER_CONNECT);
        if (Resource->ServiceManager == NULL) {
            return GetLastError();
        }
    }
    if (Resource->Service == NULL) {
        Resource->Service = OpenServiceW(Resource->ServiceManager,
                                         Resource->ServiceName, Access);
        if (Resource->Service == NULL) {
            return GetLastError();
        }
    }
    return ERROR_SUCCESS;
}

static void AppCloseService(PAPP_RESOURCE Resource)
{
    if (Resource->Service != NULL) {
        CloseServiceHandle(Resource->Service);
        Resource->Service = NULL;
    }
    if (Resource->ServiceManager != NULL) {
        CloseServiceHandle(Resource->ServiceManager);
        Resource->ServiceManager = NULL;
    }
}

static DWORD AppQueryState(PAPP_RESOURCE Resource, LPDWORD State)
{
    SERVICE_STATUS status;

    if (!QueryServiceStatus(Resource->Service, &status)) {
        return GetLastError();
    }
    *State = status.dwCurrentState;
    return ERROR_SUCCESS;
}

static void AppFree(PAPP_RESOURCE Resource)
{
    if (Resource == NULL) {
        return;
    }
    AppCloseService(Resource);
    if (Resource->ParametersKey != NULL) {
        ClusterRegCloseKey(Resource->ParametersKey);
    }
    LocalFree(Resource->ServiceName);
    DeleteCriticalSection(&Resource->Lock);
    LocalFree(Resource);
}

/* --- workers --------------------------------------------------------- */

static DWORD WINAPI AppOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Context;
    DWORD status;
    DWORD state = SERVICE_STOPPED;
    DWORD checkPoint = 0;
    DWORD waited = 0;
    DWORD exitState;

    status = AppOpenService(resource, SERVICE_START | SERVICE_QUERY_STATUS);
    if (status != ERROR_SUCCESS) {
        AppLog(resource, LOG_ERROR, L"cannot open the service", status);
        goto cleanup;
    }
    if (!StartServiceW(resource->Service, 0, NULL)) {
        status = GetLastError();
        if (status != ERROR_SERVICE_ALREADY_RUNNING) {
            AppLog(resource, LOG_ERROR, L"cannot start the service", status);
            goto cleanup;
        }
        status = ERROR_SUCCESS;
    }

    /* Wait for SERVICE_RUNNING, reporting progress. */
    for (;;) {
        status = AppQueryState(resource, &state);
        if (status != ERROR_SUCCESS || state == SERVICE_RUNNING) {
            break;
        }
        if (state == SERVICE_STOPPED) {
            status = ERROR_SERVICE_NOT_ACTIVE;
            break;
        }
        exitState = AppReport(resource, ClusterResourceOnlinePending,
                              ++checkPoint);
        AppLog(resource, LOG_INFORMATION, L"waiting for the service",
               checkPoint);
        if (exitState == ResourceExitStateTerminate) {
            status = ERROR_CANCELLED;
            goto cleanup;
        }
        if (waited >= resource->StartTimeout * 1000) {
            status = ERROR_TIMEOUT;
            break;
        }
        Sleep(APP_POLL_MS);
        waited += APP_POLL_MS;
    }

cleanup:
    if (status == ERROR_SUCCESS) {
        EnterCriticalSection(&resource->Lock);
        resource->Online = TRUE;
        LeaveCriticalSection(&resource->Lock);
        AppSetFinalState(resource, ClusterResourceOnline, ERROR_SUCCESS);
    } else if (status != ERROR_CANCELLED) {
        AppSetFinalState(resource, ClusterResourceFailed, status);
    }
    return status;
}

static DWORD WINAPI AppOfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Context;
    SERVICE_STATUS serviceStatus;
    DWORD status;
    DWORD state = SERVICE_RUNNING;
    DWORD checkPoint = 0;

    EnterCriticalSection(&resource->Lock);
    resource->Online = FALSE;
    LeaveCriticalSection(&resource->Lock);

    status = AppOpenService(resource, SERVICE_STOP | SERVICE_QUERY_STATUS);
    if (status != ERROR_SUCCESS) {
        AppSetFinalState(resource, ClusterResourceFailed, status);
        return status;
    }
    if (!ControlService(resource->Service, SERVICE_CONTROL_STOP,
                        &serviceStatus)) {
        status = GetLastError();
        if (status != ERROR_SERVICE_NOT_ACTIVE) {
            AppSetFinalState(resource, ClusterResourceFailed, status);
            return status;
        }
    }

    /* Bug: the exit state of the progress report is thrown away. */
    while (AppQueryState(resource, &state) == ERROR_SUCCESS &&
           state != SERVICE_STOPPED) {
        AppReport(resource, ClusterResourceOfflinePending,
                  ++checkPoint);
        Sleep(APP_POLL_MS);
    }

    AppCloseService(resource);
    AppSetFinalState(resource, ClusterResourceOffline, ERROR_SUCCESS);
    return ERROR_SUCCESS;
}

/* Restarts the service after a failure: ResourceControl's worker. */
static DWORD WINAPI AppRestartThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Context;
    DWORD state = SERVICE_STOPPED;
    DWORD checkPoint = 0;

    while (!ClusWorkerCheckTerminate(Worker)) {
        if (AppQueryState(resource, &state) != ERROR_SUCCESS) {
            break;
        }
        switch (AppReport(resource, ClusterResourceOnlinePending,
                          ++checkPoint)) {
        case ResourceExitStateTerminate:
            AppLog(resource, LOG_WARNING, L"restart cancelled", checkPoint);
            /* Bug: breaks out of the switch only; the loop sleeps and
             * reports again. */
            break;
        default:
            break;
        }
        if (state == SERVICE_RUNNING) {
            return ERROR_SUCCESS;
        }
        Sleep(APP_POLL_MS);
    }
    return ERROR_CANCELLED;
}

/* --- entry points ---------------------------------------------------- */

RESID WINAPI AppOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PAPP_RESOURCE resource;
    DWORD status;

    resource = (PAPP_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL; /* LocalAlloc set the last error */
    }
    InitializeCriticalSection(&resource->Lock);
    resource->ResourceHandle = ResourceHandle;

    status = ClusterRegOpenKey(ResourceKey, APP_PARAMETERS_KEY, KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        goto error;
    }
    resource->ServiceName = ResUtilGetSzValue(resource->ParametersKey,
                                              APP_SERVICE_NAME);
    if (resource->ServiceName == NULL) {
        status = GetLastError();
        goto error;
    }
    status = ResUtilGetDwordValue(resource->ParametersKey, APP_TIMEOUT_NAME,
                                  &resource->StartTimeout, APP_DEFAULT_TIMEOUT);
    if (status != ERROR_SUCCESS) {
        goto error;
    }
    return (RESID)resource;

error:
    AppFree(resource);
    SetLastError(status);
    return NULL;
}

void WINAPI AppClose(RESID Resource)
{
    AppFree((PAPP_RESOURCE)Resource);
}

DWORD WINAPI AppOnlineV2(RESID Resource, LPHANDLE EventHandle,
                         DWORD OnlineFlags, PBYTE InBuffer, DWORD InBufferSize,
                         DWORD Reserved)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;
    DWORD status;

    ClusWorkerTerminate(&resource->OfflineWorker);
    status = ClusWorkerCreate(&resource->OnlineWorker, AppOnlineThread,
                              resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}

DWORD WINAPI AppOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                          DWORD OfflineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;
    DWORD status;

    ClusWorkerTerminate(&resource->OnlineWorker);
    status = ClusWorkerCreate(&resource->OfflineWorker, AppOfflineThread,
                              resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}

void WINAPI AppTerminate(RESID Resource)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;

    ClusWorkerTerminate(&resource->OnlineWorker);
    ClusWorkerTerminate(&resource->OfflineWorker);
    AppCloseService(resource);
}

BOOL WINAPI AppLooksAlive(RESID Resource)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;
    BOOL online;

    EnterCriticalSection(&resource->Lock);
    online = resource->Online;
    LeaveCriticalSection(&resource->Lock);
    return online;
}

BOOL WINAPI AppIsAlive(RESID Resource)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;
    DWORD state = SERVICE_STOPPED;

    if (!AppLooksAlive(Resource)) {
        return FALSE;
    }
    return AppQueryState(resource, &state) == ERROR_SUCCESS &&
           state == SERVICE_RUNNING;
}

DWORD WINAPI AppResourceControl(RESID Resource, DWORD ControlCode,
                                PVOID InBuffer, DWORD InBufferSize,
                                PVOID OutBuffer, DWORD OutBufferSize,
                                LPDWORD BytesReturned)
{
    PAPP_RESOURCE resource = (PAPP_RESOURCE)Resource;

    switch (ControlCode) {
    case CLUSCTL_RESOURCE_STATE_CHANGE_REASON:
        ClusWorkerTerminate(&resource->OnlineWorker);
        return ClusWorkerCreate(&resource->OnlineWorker, AppRestartThread,
                                resource);
    default:
        return ERROR_INVALID_FUNCTION;
    }
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
    CLRES_V2_FUNCTION_TABLE_SET(g_AppFunctionTable, CLRES_VERSION_V2_00, App,
                                NULL, NULL, AppResourceControl, NULL,
                                AppLooksAlive, AppIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_AppFunctionTable;
    return ERROR_SUCCESS;
}
