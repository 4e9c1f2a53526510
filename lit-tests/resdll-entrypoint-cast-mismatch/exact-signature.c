// Casts of functions whose signature is the entry point's are harmless:
// redundant casts, typedef sugar (LPVOID/PVOID, RESID/HANDLE, DWORD/ULONG),
// WINAPI written as __stdcall or CALLBACK.
// RUN: %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
    HANDLE StopEvent;
    HANDLE Process;
    LPWSTR Path;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static ULONG __stdcall DemoOnlineThread(CLUS_WORKER *Worker, PVOID Context)
{
    return 0;
}

RESID CALLBACK DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource =
        (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(DEMO_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return resource;
}

DWORD WINAPI DemoOnlineV2(PVOID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusWorkerCreate(&resource->OnlineWorker,
                     (PWORKER_START_ROUTINE)DemoOnlineThread, resource);
    return ERROR_IO_PENDING;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = (POPEN_V2_ROUTINE)DemoOpenV2;
    g_FunctionTable.V2Functions.Online = (PONLINE_V2_ROUTINE)&DemoOnlineV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 0 findings in 1 file
