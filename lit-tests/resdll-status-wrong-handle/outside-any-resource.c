// Calls outside any resource: StartupEx, DllMain and ResourceTypeControl
// have no resource handle, so LogEvent(NULL, ...) there is a finding.
// ResourceTypeControl reaching every resource of the type and logging with
// each one's own handle is clean.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    struct DEMO_RESOURCE *Next;
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PLOG_EVENT_ROUTINE g_LogEvent;
static PDEMO_RESOURCE g_Resources;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->Next = g_Resources;
    g_Resources = resource;
    return (RESID)resource;
}

DWORD WINAPI DemoResourceTypeControl(LPCWSTR ResourceTypeName, DWORD ControlCode,
                                     PVOID InBuffer, DWORD InBufferSize,
                                     PVOID OutBuffer, DWORD OutBufferSize,
                                     LPDWORD BytesReturned)
{
    PDEMO_RESOURCE resource;

    if (ControlCode != CLUSCTL_RESOURCE_TYPE_STARTING_PHASE2) {
        // CHECK: :[[@LINE+3]]:9: warning: LogEvent in 'DemoResourceTypeControl' receives a null ResourceHandle ('NULL') [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-15]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        // CHECK-NEXT: :[[@LINE+27]]:5: note: 'DemoResourceTypeControl' is registered as the ResourceTypeControl entry point by the assignment to 'g_FunctionTable.V2Functions.ResourceTypeControl'
        g_LogEvent(NULL, LOG_INFORMATION, L"Type control %1!u!.\n", ControlCode);
        return ERROR_INVALID_FUNCTION;
    }
    for (resource = g_Resources; resource != NULL; resource = resource->Next) {
        g_LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Phase 2.\n");
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
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
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    // CHECK: :[[@LINE+2]]:5: warning: LogEvent in 'StartupEx' receives a null ResourceHandle ('NULL') [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-41]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    g_LogEvent(NULL, LOG_INFORMATION, L"Starting %1!ws!.\n", ResourceType);
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, DemoResourceTypeControl,
                                DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}

BOOL WINAPI DllMain(HINSTANCE Instance, DWORD Reason, LPVOID Reserved)
{
    if (Reason == DLL_PROCESS_DETACH && g_LogEvent != NULL) {
        // CHECK: :[[@LINE+2]]:9: warning: LogEvent in 'DllMain' receives a null ResourceHandle ('(RESOURCE_HANDLE)0') [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-54]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
        g_LogEvent((RESOURCE_HANDLE)0, LOG_INFORMATION, L"Unloading.\n");
    }
    return TRUE;
}
// CHECK: 3 findings in 1 file
