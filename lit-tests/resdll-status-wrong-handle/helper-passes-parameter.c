// Helpers that pass their parameter on to a callback ("passes its parameter
// to a status callback"): the finding is reported where the wrong value is
// handed to the helper, with the helpers as path steps. The same helpers
// called with the resource's handle are clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    HANDLE StopEvent;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

static void LogError(RESOURCE_HANDLE Handle, LPCWSTR What, DWORD Status)
{
    g_Callbacks->LogEvent(Handle, LOG_ERROR, L"%1!ws!: %2!u!\n", What, Status);
}

static void Report(RESOURCE_HANDLE Handle, CLUSTER_RESOURCE_STATE State)
{
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    status.ResourceState = State;
    g_Callbacks->SetResourceStatusEx(Handle, &status);
    LogError(Handle, L"Reported", State);
}

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        LogError(ResourceHandle, L"LocalAlloc", GetLastError());
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    Report(resource->ResourceHandle, ClusterResourceOnline);
    // CHECK: :[[@LINE+5]]:5: warning: SetResourceStatusEx (through 'Report') in 'DemoOnlineV2' receives 'resource->StopEvent' as its ResourceHandle, but that is the field 'StopEvent', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-23]]:5: note: 'Report' passes it to SetResourceStatusEx as the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-11]]:5: note: 'StopEvent' is assigned the handle returned by 'CreateEventW' here
    // CHECK-NEXT: :[[@LINE-13]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+28]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    Report(resource->StopEvent, ClusterResourceOnline);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    // CHECK: :[[@LINE+4]]:5: warning: LogEvent (through 'LogError') in 'DemoOfflineV2' receives a null ResourceHandle ('NULL') [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-44]]:5: note: the parameter 'Handle' of 'LogError' reaches LogEvent as the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-25]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+16]]:5: note: 'DemoOfflineV2' is registered as the OfflineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Offline'
    LogError(NULL, L"Offline", ERROR_SUCCESS);
    LogError(resource->ResourceHandle, L"Offline", ERROR_SUCCESS);
    return ERROR_SUCCESS;
}

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
