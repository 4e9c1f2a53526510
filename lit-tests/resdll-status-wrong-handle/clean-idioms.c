// Correct resource DLL idioms that must stay quiet: logging macros, local
// copies and typedef sugar, a conditional that keeps NULL away from the
// call, the callback pointer copied to a local, callbacks kept in the
// resource and in a global structure, the handle put into a per-request
// structure with an aggregate initialiser, and a worker reached with a
// helper that starts it.
// RUN: %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef RESOURCE_HANDLE DEMO_HANDLE;

typedef struct DEMO_RESOURCE {
    DEMO_HANDLE Handle;
    PCLRES_CALLBACK_FUNCTION_TABLE Monitor;
    CLUS_WORKER Worker;
    DWORD Polls;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

typedef struct DEMO_POLL {
    RESOURCE_HANDLE Handle;
    DWORD Interval;
} DEMO_POLL, *PDEMO_POLL;

static struct {
    CLRES_CALLBACK_FUNCTION_TABLE Monitor;
    CLRES_FUNCTION_TABLE Table;
} g_Dll;

#define DEMO_LOG(res, fmt, ...) \
    g_Dll.Monitor.LogEvent((res)->Handle, LOG_INFORMATION, fmt, __VA_ARGS__)

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    DEMO_HANDLE handle = ResourceHandle;
    if (resource == NULL) {
        g_Dll.Monitor.LogEvent(handle, LOG_ERROR, L"Out of memory.\n");
        return NULL;
    }
    resource->Handle = handle;
    resource->Monitor = &g_Dll.Monitor;
    DEMO_LOG(resource, L"Opened %1!ws!.\n", ResourceName);
    return (RESID)resource;
}

static DWORD WINAPI PollThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_POLL poll = (PDEMO_POLL)Context;
    PSET_RESOURCE_STATUS_ROUTINE_EX setStatus = g_Dll.Monitor.SetResourceStatusEx;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    while (!ClusWorkerCheckTerminate(Worker)) {
        status.ResourceState = ClusterResourceOnlinePending;
        if (setStatus(poll->Handle, &status) == ResourceExitStateTerminate) {
            break;
        }
        Sleep(poll->Interval);
    }
    LocalFree(poll);
    return ERROR_SUCCESS;
}

static DWORD StartPolling(PDEMO_RESOURCE Resource, DWORD Interval)
{
    PDEMO_POLL poll = (PDEMO_POLL)LocalAlloc(LPTR, sizeof(*poll));
    DEMO_POLL init = { Resource->Handle, Interval };
    if (poll == NULL) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *poll = init;
    Resource->Polls++;
    return ClusWorkerCreate(&Resource->Worker, PollThread, poll);
}

static void LogMaybe(PDEMO_RESOURCE Resource, LPCWSTR Text)
{
    DEMO_HANDLE handle = Resource != NULL ? Resource->Handle : NULL;
    if (handle == NULL) {
        return;
    }
    Resource->Monitor->LogEvent(handle, LOG_INFORMATION, L"%1!ws!\n", Text);
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = StartPolling(resource, 1000);
    if (status != ERROR_SUCCESS) {
        DEMO_LOG(resource, L"Cannot poll: %1!u!.\n", status);
        return status;
    }
    LogMaybe(resource, L"Polling.");
    return ERROR_IO_PENDING;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    RESOURCE_STATUS_EX status;

    ClusWorkerTerminate(&resource->Worker);
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOffline;
    resource->Monitor->SetResourceStatusEx(resource->Handle, &status);
    return ERROR_SUCCESS;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
void WINAPI DemoTerminate(RESID Resource) { DemoOfflineV2(Resource, NULL, 0, NULL, 0, 0); }
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Dll.Monitor = *MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_Dll.Table, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_Dll.Table;
    return ERROR_SUCCESS;
}
// CHECK: 0 findings in 1 file
