// OnlineV2 itself waits for the service and reports progress before it
// returns: the rule applies to every function that makes status calls, and
// names the entry point.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource =
        (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(DEMO_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    RESOURCE_STATUS_EX status;
    int attempt;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    for (attempt = 0; attempt < 10; attempt++) {
        if (GetFileAttributesW(resource->Path) != INVALID_FILE_ATTRIBUTES) {
            return ERROR_SUCCESS;
        }
        status.CheckPoint++;
        // CHECK: online-synchronous.c:[[@LINE+5]]:9: warning: OnlineV2 entry point 'DemoOnlineV2' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: online-synchronous.c:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: online-synchronous.c:[[@LINE+4]]:9: note: then OnlineV2 entry point 'DemoOnlineV2' waits in 'Sleep'
        // CHECK-NEXT: online-synchronous.c:[[@LINE+3]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: online-synchronous.c:[[@LINE+26]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
        g_SetResourceStatus(resource->Handle, &status);
        Sleep(100);
    }
    return ERROR_TIMEOUT;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

static CLRES_FUNCTION_TABLE g_FunctionTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive,
                                DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
