// Handles kept in static storage: a static local remembered by a helper,
// and a field of a static structure. Both are one value for every resource.
// The helper that takes the resource and reads its own handle is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

typedef struct DEMO_STATE {
    RESOURCE_HANDLE LastHandle;
    DWORD OpenCount;
} DEMO_STATE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static DEMO_STATE g_State;

static void LogOnline(PDEMO_RESOURCE Resource)
{
    static RESOURCE_HANDLE s_handle;
    if (s_handle == NULL) {
        s_handle = Resource->ResourceHandle;
    }
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'LogOnline' receives 's_handle' as its ResourceHandle, a handle kept in the static variable 's_handle' and shared by every resource of the type [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-3]]:9: note: 's_handle' is assigned the ResourceHandle here
    // CHECK-NEXT: :[[@LINE+12]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_Callbacks->LogEvent(s_handle, LOG_INFORMATION, L"Online.\n");
    g_Callbacks->LogEvent(Resource->ResourceHandle, LOG_INFORMATION, L"Online.\n");
}

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    g_State.LastHandle = ResourceHandle;
    g_State.OpenCount++;
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    LogOnline((PDEMO_RESOURCE)Resource);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    // CHECK: :[[@LINE+4]]:5: warning: LogEvent in 'DemoOfflineV2' receives 'g_State.LastHandle' as its ResourceHandle, a handle kept in the static variable 'g_State' and shared by every resource of the type [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-16]]:5: note: 'g_State.LastHandle' is assigned the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-18]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+15]]:5: note: 'DemoOfflineV2' is registered as the OfflineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Offline'
    g_Callbacks->LogEvent(g_State.LastHandle, LOG_INFORMATION, L"Offline.\n");
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
