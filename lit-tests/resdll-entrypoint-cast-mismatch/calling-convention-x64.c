// On x86-64 (the default target) the compiler ignores __stdcall: a worker
// written without WINAPI has the same calling convention as
// PWORKER_START_ROUTINE, and nothing is reported. See
// calling-convention-x86.c for the 32-bit target.
// RUN: %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    return 0;
}

void DemoStart(PDEMO_RESOURCE Resource)
{
    ClusWorkerCreate(&Resource->OnlineWorker,
                     (PWORKER_START_ROUTINE)DemoOnlineThread, Resource);
}
// CHECK: 0 findings in 1 file
