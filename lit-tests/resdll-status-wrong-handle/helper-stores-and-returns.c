// Helper summaries: a helper OpenV2 calls stores the handle into the field
// ("stores its parameter into field F"; the store counts as OpenV2's), and
// accessors return fields of their argument ("returns field F of its
// argument"). Logging with what the handle accessor returns is clean; with
// what the event accessor returns it is a finding at the callback, and so is
// the handle of the global resource the accessor returns (the handle field
// is known to be one only through the helper's store).
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Event;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static PDEMO_RESOURCE g_Primary;

static DWORD InitResource(PDEMO_RESOURCE Resource, RESOURCE_HANDLE Handle)
{
    Resource->Handle = Handle;
    Resource->Event = CreateEventW(NULL, TRUE, FALSE, NULL);
    return Resource->Event != NULL ? ERROR_SUCCESS : GetLastError();
}

static RESOURCE_HANDLE HandleOf(PDEMO_RESOURCE Resource) { return Resource->Handle; }
static HANDLE EventOf(PDEMO_RESOURCE Resource) { return Resource->Event; }

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    DWORD status;
    if (resource == NULL) {
        return NULL;
    }
    status = InitResource(resource, ResourceHandle);
    if (status != ERROR_SUCCESS) {
        LocalFree(resource);
        SetLastError(status);
        return NULL;
    }
    if (g_Primary == NULL) {
        g_Primary = resource;
    }
    return (RESID)resource;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    RESOURCE_HANDLE handle = HandleOf(resource);
    RESOURCE_HANDLE copy = handle;

    g_Callbacks->LogEvent(copy, LOG_INFORMATION, L"Online.\n");
    g_Callbacks->LogEvent(HandleOf((PDEMO_RESOURCE)Resource), LOG_INFORMATION, L"Online.\n");
    // CHECK: :[[@LINE+4]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'EventOf(resource)' as its ResourceHandle, but that is the field 'Event', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-37]]:5: note: 'Event' is assigned the handle returned by 'CreateEventW' here
    // CHECK-NEXT: :[[@LINE-39]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'Handle' here
    // CHECK-NEXT: :[[@LINE+22]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(EventOf(resource), LOG_INFORMATION, L"Online.\n");
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'HandleOf(g_Primary)' as its ResourceHandle, the handle field of an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-43]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'Handle' here
    // CHECK-NEXT: :[[@LINE+18]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(HandleOf(g_Primary), LOG_INFORMATION, L"Online.\n");
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
