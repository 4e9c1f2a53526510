// The worker's context argument through CreateThread, _beginthreadex,
// QueueUserWorkItem and TrySubmitThreadpoolCallback (whose context is the
// routine's second parameter): the context is the resource or a
// per-request structure holding a copy of its handle, and reading the
// handle through it is clean. A worker started with such a context works
// for that resource, so the global resource pointer's handle is reported
// there; a thread of the resource type started without one is not.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <process.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

typedef struct DEMO_REQUEST {
    RESOURCE_HANDLE Handle; /* a copy of the resource's handle */
    DWORD Flags;
} DEMO_REQUEST, *PDEMO_REQUEST;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static PDEMO_RESOURCE g_Primary;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    if (g_Primary == NULL) {
        g_Primary = resource;
    }
    return (RESID)resource;
}

static DWORD WINAPI ThreadRoutine(LPVOID Parameter)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Parameter;
    g_Callbacks->LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Thread.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'ThreadRoutine' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-12]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"Thread.\n");
    return 0;
}

static unsigned __stdcall CrtRoutine(void *Parameter)
{
    PDEMO_REQUEST request = (PDEMO_REQUEST)Parameter;
    g_Callbacks->LogEvent(request->Handle, LOG_INFORMATION, L"CRT thread.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'CrtRoutine' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-22]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"CRT thread.\n");
    LocalFree(request);
    return 0;
}

static DWORD WINAPI WorkItem(LPVOID Parameter)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Parameter;
    g_Callbacks->LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Work item.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'WorkItem' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-33]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"Work item.\n");
    return 0;
}

static VOID CALLBACK PoolCallback(PTP_CALLBACK_INSTANCE Instance, PVOID Context)
{
    PDEMO_REQUEST request = (PDEMO_REQUEST)Context;
    g_Callbacks->LogEvent(request->Handle, LOG_INFORMATION, L"Pool.\n");
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'PoolCallback' receives 'g_Primary->ResourceHandle' as its ResourceHandle, read through 'g_Primary', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-43]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"Pool.\n");
    LocalFree(request);
}

static DWORD WINAPI TypeThread(LPVOID Parameter)
{
    g_Callbacks->LogEvent(g_Primary->ResourceHandle, LOG_INFORMATION, L"Type thread.\n");
    return 0;
}

static PDEMO_REQUEST NewRequest(PDEMO_RESOURCE Resource)
{
    PDEMO_REQUEST request = (PDEMO_REQUEST)LocalAlloc(LPTR, sizeof(*request));
    if (request != NULL) {
        request->Handle = Resource->ResourceHandle;
    }
    return request;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    PDEMO_REQUEST crt = NewRequest(resource);
    PDEMO_REQUEST pool = NewRequest(resource);

    CloseHandle(CreateThread(NULL, 0, ThreadRoutine, resource, 0, NULL));
    CloseHandle((HANDLE)_beginthreadex(NULL, 0, CrtRoutine, crt, 0, NULL));
    QueueUserWorkItem(WorkItem, resource, WT_EXECUTEDEFAULT);
    TrySubmitThreadpoolCallback(PoolCallback, pool, NULL);
    CloseHandle(CreateThread(NULL, 0, TypeThread, NULL, 0, NULL));
    return ERROR_IO_PENDING;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Callbacks = MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 4 findings in 1 file
