// A worker that logs through a local still holding its NULL initialiser on
// the path where an early failure jumps to 'cleanup'. The path engine
// reports it with the branch that leads there. OfflineThread has the same
// shape but assigns the handle before the first 'goto': clean. A local that
// is NULL only where a test keeps it from the call is clean too.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    SC_HANDLE Service;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PLOG_EVENT_ROUTINE g_LogEvent;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    return (RESID)resource;
}

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_HANDLE handle = NULL;
    SC_HANDLE manager;
    DWORD status = ERROR_SUCCESS;

    manager = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (manager == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    handle = resource->ResourceHandle;
    resource->Service = OpenServiceW(manager, L"Demo", SERVICE_START);
    if (resource->Service == NULL) {
        status = GetLastError();
        goto cleanup;
    }

cleanup:
    if (status != ERROR_SUCCESS) {
        // CHECK: :[[@LINE+4]]:9: warning: LogEvent in 'OnlineThread' receives a null ResourceHandle ('handle') on this path [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-14]]:9: note: 'manager == NULL' is true
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE-28]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        g_LogEvent(handle, LOG_ERROR, L"Online failed: %1!u!\n", status);
    }
    if (manager != NULL) {
        CloseServiceHandle(manager);
    }
    return status;
}

static DWORD WINAPI OfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_HANDLE handle = NULL;
    DWORD status = ERROR_SUCCESS;

    handle = resource->ResourceHandle;
    if (resource->Service == NULL) {
        status = ERROR_INVALID_STATE;
        goto cleanup;
    }
    CloseServiceHandle(resource->Service);
    resource->Service = NULL;

cleanup:
    if (status != ERROR_SUCCESS) {
        g_LogEvent(handle, LOG_ERROR, L"Offline failed: %1!u!\n", status);
    }
    return status;
}

static void LogIfOpen(PDEMO_RESOURCE Resource)
{
    RESOURCE_HANDLE handle = NULL;
    if (Resource != NULL) {
        handle = Resource->ResourceHandle;
    }
    if (handle != NULL) {
        g_LogEvent(handle, LOG_INFORMATION, L"Still open.\n");
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    LogIfOpen(resource);
    return ClusWorkerCreate(&resource->OnlineWorker, OnlineThread, resource) == ERROR_SUCCESS
               ? ERROR_IO_PENDING : ERROR_GEN_FAILURE;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    return ClusWorkerCreate(&resource->OfflineWorker, OfflineThread, resource) == ERROR_SUCCESS
               ? ERROR_IO_PENDING : ERROR_GEN_FAILURE;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 1 finding in 1 file
