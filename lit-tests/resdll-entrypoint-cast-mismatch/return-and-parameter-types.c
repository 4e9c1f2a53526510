// Differences in the return type and in a parameter's type: a void
// Terminate cast to PIS_ALIVE_ROUTINE, an int worker, and a
// ResourceControl whose output buffer is const.
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

static void WINAPI DemoCheck(RESID Resource)
{
}

static int WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    return 0;
}

static DWORD WINAPI DemoControl(RESID Resource, DWORD ControlCode,
                                PVOID InBuffer, DWORD InBufferSize,
                                const void *OutBuffer, DWORD OutBufferSize,
                                LPDWORD BytesReturned)
{
    return ERROR_INVALID_FUNCTION;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

void DemoRegister(PDEMO_RESOURCE Resource)
{
    // CHECK: return-and-parameter-types.c:[[@LINE+2]]:43: warning: 'DemoCheck' is cast to PIS_ALIVE_ROUTINE, but it returns 'void' where PIS_ALIVE_ROUTINE returns 'WINBOOL': the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
    // CHECK-NEXT: return-and-parameter-types.c:[[@LINE-22]]:20: note: 'DemoCheck' is declared here
    g_FunctionTable.V2Functions.IsAlive = (PIS_ALIVE_ROUTINE)DemoCheck;
    g_FunctionTable.V2Functions.ResourceControl =
        // CHECK-NEXT: return-and-parameter-types.c:[[@LINE+2]]:9: warning: 'DemoControl' is cast to PRESOURCE_CONTROL_ROUTINE, but it has parameter 5 of type 'const void *' where PRESOURCE_CONTROL_ROUTINE has 'PVOID': the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
        // CHECK-NEXT: return-and-parameter-types.c:[[@LINE-17]]:21: note: 'DemoControl' is declared here
        (PRESOURCE_CONTROL_ROUTINE)DemoControl;
    ClusWorkerCreate(&Resource->OnlineWorker,
                     // CHECK-NEXT: return-and-parameter-types.c:[[@LINE+2]]:22: warning: 'DemoOnlineThread' is cast to PWORKER_START_ROUTINE, but it returns 'int' where PWORKER_START_ROUTINE returns 'DWORD': the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                     // CHECK-NEXT: return-and-parameter-types.c:[[@LINE-26]]:19: note: 'DemoOnlineThread' is declared here
                     (PWORKER_START_ROUTINE)DemoOnlineThread, Resource);
}
// CHECK-NEXT: 3 findings in 1 file
