// A V1 resource DLL (Startup, CLRES_V1_FUNCTION_TABLE, Open without flags,
// PSET_RESOURCE_STATUS_ROUTINE): the same contract. Online reports with
// the RESID (a finding) and then with the handle Open stored (clean).
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

RESID WINAPI DemoOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->ResourceHandle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }

DWORD WINAPI DemoOnline(RESID Resource, LPHANDLE EventHandle)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    RESOURCE_STATUS status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    // CHECK: :[[@LINE+3]]:5: warning: SetResourceStatus in 'DemoOnline' receives the RESID 'Resource' instead of the ResourceHandle that Open received [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-14]]:5: note: 'DemoOpen' stores its ResourceHandle in the field 'ResourceHandle' here
    // CHECK-NEXT: :[[@LINE+11]]:8: note: 'DemoOnline' is registered as the Online entry point in the initialiser of 'g_FunctionTable.V1Functions.Online'
    g_SetResourceStatus(Resource, &status);
    g_SetResourceStatus(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOffline(RESID Resource) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoLooksAlive(RESID Resource) { return TRUE; }
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

static CLRES_V1_FUNCTION_TABLE(g_FunctionTable, CLRES_VERSION_V1_00, Demo,
                               NULL, NULL, NULL, NULL);

DWORD WINAPI Startup(LPCWSTR ResourceType, DWORD MinVersionSupported,
                     DWORD MaxVersionSupported,
                     PSET_RESOURCE_STATUS_ROUTINE SetResourceStatus,
                     PLOG_EVENT_ROUTINE LogEvent, PCLRES_FUNCTION_TABLE *FunctionTable)
{
    g_SetResourceStatus = SetResourceStatus;
    g_LogEvent = LogEvent;
    *FunctionTable = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 1 finding in 1 file
