// SetResourceLockedMode and SignalFailure take the same ResourceHandle.
// Here the callbacks are reached through the CLRES_CALLBACK_FUNCTION_TABLE
// kept in the resource itself; the handle field is clean, the stop event is
// not.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    HANDLE StopEvent;
    PCLRES_CALLBACK_FUNCTION_TABLE Monitor;
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
    resource->Monitor = g_Callbacks;
    resource->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    resource->Monitor->SetResourceLockedMode(resource->ResourceHandle, TRUE, 1);
    // CHECK: :[[@LINE+4]]:5: warning: SetResourceLockedMode in 'DemoOnlineV2' receives 'resource->StopEvent' as its ResourceHandle, but that is the field 'StopEvent', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-10]]:5: note: 'StopEvent' is assigned the handle returned by 'CreateEventW' here
    // CHECK-NEXT: :[[@LINE-13]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+32]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    resource->Monitor->SetResourceLockedMode(resource->StopEvent, FALSE, 0);
    return ERROR_SUCCESS;
}

BOOL WINAPI DemoIsAlive(RESID Resource)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    if (WaitForSingleObject(resource->StopEvent, 0) == WAIT_OBJECT_0) {
        // CHECK: :[[@LINE+5]]:9: warning: SignalFailure in 'DemoIsAlive' receives 'resource->StopEvent' as its ResourceHandle, but that is the field 'StopEvent', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-22]]:5: note: 'StopEvent' is assigned the handle returned by 'CreateEventW' here
        // CHECK-NEXT: :[[@LINE-25]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        // CHECK-NEXT: :[[@LINE+20]]:5: note: 'DemoIsAlive' is registered as the LooksAlive entry point by the assignment to 'g_FunctionTable.V2Functions.LooksAlive'
        // CHECK-NEXT: :[[@LINE+19]]:5: note: 'DemoIsAlive' is registered as the IsAlive entry point by the assignment to 'g_FunctionTable.V2Functions.IsAlive'
        resource->Monitor->SignalFailure(resource->StopEvent, FALSE, ERROR_NOT_READY);
        resource->Monitor->SignalFailure(resource->ResourceHandle, FALSE, ERROR_NOT_READY);
        return FALSE;
    }
    return TRUE;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
void WINAPI DemoTerminate(RESID Resource) {}

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
