// A resource list built with LIST_ENTRY and CONTAINING_RECORD. In code that
// works for one resource, the handle of the next element (a link) or of
// the list's first element is another resource's. A health thread of the
// resource type that walks the list and reports each element with its own
// handle is clean, and so is a Terminate that walks the list to find
// itself.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    LIST_ENTRY Link;
    RESOURCE_HANDLE ResourceHandle;
    BOOL Failed;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;
static LIST_ENTRY g_Resources;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    resource->Link.Flink = g_Resources.Flink;
    resource->Link.Blink = &g_Resources;
    g_Resources.Flink->Blink = &resource->Link;
    g_Resources.Flink = &resource->Link;
    return (RESID)resource;
}

static DWORD WINAPI HealthThread(LPVOID Parameter)
{
    PLIST_ENTRY entry;
    for (;;) {
        Sleep(5000);
        for (entry = g_Resources.Flink; entry != &g_Resources; entry = entry->Flink) {
            PDEMO_RESOURCE resource = CONTAINING_RECORD(entry, DEMO_RESOURCE, Link);
            if (resource->Failed) {
                g_Callbacks->LogEvent(resource->ResourceHandle, LOG_ERROR, L"Failed.\n");
            }
        }
    }
    return 0;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    PDEMO_RESOURCE next = CONTAINING_RECORD(resource->Link.Flink, DEMO_RESOURCE, Link);

    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'next->ResourceHandle' as its ResourceHandle, read through 'next', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-30]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+35]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(next->ResourceHandle, LOG_INFORMATION, L"Online.\n");
    // CHECK: :[[@LINE+3]]:5: warning: LogEvent in 'DemoOnlineV2' receives 'CONTAINING_RECORD(g_Resources.Flink, DEMO_RESOURCE, Link)...' as its ResourceHandle, read through 'CONTAINING_RECORD(g_Resources.Flink, DEMO_RESOURCE, Link)', an object that is not tied to this resource [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-34]]:5: note: 'DemoOpenV2' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+31]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    g_Callbacks->LogEvent(CONTAINING_RECORD(g_Resources.Flink, DEMO_RESOURCE, Link)->ResourceHandle,
                          LOG_INFORMATION, L"Online.\n");
    g_Callbacks->LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Online.\n");
    return ERROR_SUCCESS;
}

void WINAPI DemoTerminate(RESID Resource)
{
    PLIST_ENTRY entry;
    for (entry = g_Resources.Flink; entry != &g_Resources; entry = entry->Flink) {
        PDEMO_RESOURCE resource = CONTAINING_RECORD(entry, DEMO_RESOURCE, Link);
        if (resource == (PDEMO_RESOURCE)Resource) {
            g_Callbacks->LogEvent(resource->ResourceHandle, LOG_WARNING, L"Terminated.\n");
        }
    }
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Callbacks = MonitorCallbackFunctions;
    g_Resources.Flink = g_Resources.Blink = &g_Resources;
    CloseHandle(CreateThread(NULL, 0, HealthThread, NULL, 0, NULL));
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 2 findings in 1 file
