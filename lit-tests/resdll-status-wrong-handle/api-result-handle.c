// A handle that a Win32 function returned (an event from CreateEventW, a
// thread from CreateThread) passed as the resource handle. Using the
// thread handle with WaitForSingleObject and the resource's handle field
// with the callback is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

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

static DWORD WINAPI Probe(LPVOID Parameter) { return 0; }

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    HANDLE ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE thread;

    if (ready == NULL) {
        return GetLastError();
    }
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'ready' as its ResourceHandle, but that is the handle returned by 'CreateEventW' [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-17]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+29]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(ready, LOG_INFORMATION, L"Starting.\n");
    thread = CreateThread(NULL, 0, Probe, NULL, 0, NULL);
    if (thread != NULL) {
        WaitForSingleObject(thread, INFINITE);
        // CHECK: :[[@LINE+3]]:9: warning: LogEvent in 'DemoOnlineV2' receives 'thread' as its ResourceHandle, but that is the handle returned by 'CreateThread' [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-24]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        // CHECK-NEXT: :[[@LINE+22]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
        g_Callbacks->LogEvent(thread, LOG_INFORMATION, L"Probe done.\n");
        g_Callbacks->LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Probe done.\n");
        CloseHandle(thread);
    }
    CloseHandle(ready);
    return ERROR_SUCCESS;
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
// CHECK: 2 findings in 1 file
