// A V1 Open (three parameters) registered as the V2 OpenV2 through a cast:
// the Resource Monitor passes four arguments. A V1 Offline registered as
// OfflineV2 the same way.
// RUN: not %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

RESID WINAPI DemoOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle)
{
    PDEMO_RESOURCE resource =
        (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(DEMO_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

DWORD WINAPI DemoOffline(RESID Resource)
{
    return ERROR_SUCCESS;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    // CHECK: v1-open-as-v2.c:[[@LINE+2]]:40: warning: 'DemoOpen' is cast to POPEN_V2_ROUTINE, but it takes 3 parameters where POPEN_V2_ROUTINE takes 4: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
    // CHECK-NEXT: v1-open-as-v2.c:[[@LINE-27]]:14: note: 'DemoOpen' is declared here
    g_FunctionTable.V2Functions.Open = (POPEN_V2_ROUTINE)DemoOpen;
    // CHECK-NEXT: v1-open-as-v2.c:[[@LINE+2]]:43: warning: 'DemoOffline' is cast to POFFLINE_V2_ROUTINE, but it takes 1 parameter where POFFLINE_V2_ROUTINE takes 6: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
    // CHECK-NEXT: v1-open-as-v2.c:[[@LINE-18]]:14: note: 'DemoOffline' is declared here
    g_FunctionTable.V2Functions.Offline = (POFFLINE_V2_ROUTINE)DemoOffline;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
