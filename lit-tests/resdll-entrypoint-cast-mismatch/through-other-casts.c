// The function is found through &, parentheses and an intermediate cast to
// a data pointer; a function pointer of another type cast to an entry-point
// type is reported by its expression.
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

typedef DWORD (WINAPI *DEMO_THREAD_FN)(LPVOID Context);

static DWORD WINAPI DemoOnlineThread(LPVOID Context)
{
    return 0;
}

static DEMO_THREAD_FN g_Routine = DemoOnlineThread;

void DemoStart(PDEMO_RESOURCE Resource)
{
    ClusWorkerCreate(&Resource->OnlineWorker,
                     // CHECK: through-other-casts.c:[[@LINE+2]]:22: warning: 'DemoOnlineThread' is cast to PWORKER_START_ROUTINE, but it takes 1 parameter where PWORKER_START_ROUTINE takes 2: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                     // CHECK-NEXT: through-other-casts.c:[[@LINE-11]]:21: note: 'DemoOnlineThread' is declared here
                     (PWORKER_START_ROUTINE)(PVOID)(&DemoOnlineThread),
                     Resource);
    ClusWorkerCreate(&Resource->OfflineWorker,
                     // CHECK-NEXT: through-other-casts.c:[[@LINE+1]]:22: warning: 'g_Routine' is cast to PWORKER_START_ROUTINE, but it takes 1 parameter where PWORKER_START_ROUTINE takes 2: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                     (PWORKER_START_ROUTINE)g_Routine, Resource);
}
// CHECK-NEXT: 2 findings in 1 file
