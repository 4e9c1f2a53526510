// For 32-bit x86, __stdcall (WINAPI) and __cdecl differ: a worker written
// without WINAPI and cast to PWORKER_START_ROUTINE corrupts the stack when
// ClusWorkerCreate's thread returns from it. A __cdecl OpenV2 likewise.
// RUN: not %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s -- --target=i686-w64-mingw32 -isystem /usr/share/mingw-w64/include 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD WINAPI DemoOfflineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    return 0;
}

RESID __cdecl DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    return NULL;
}

static POPEN_V2_ROUTINE g_Open;

void DemoStart(PDEMO_RESOURCE Resource)
{
    ClusWorkerCreate(&Resource->OnlineWorker,
                     // CHECK: calling-convention-x86.c:[[@LINE+2]]:22: warning: 'DemoOnlineThread' is cast to PWORKER_START_ROUTINE, but it uses the __cdecl calling convention where PWORKER_START_ROUTINE uses __stdcall: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                     // CHECK-NEXT: calling-convention-x86.c:[[@LINE-22]]:14: note: 'DemoOnlineThread' is declared here
                     (PWORKER_START_ROUTINE)DemoOnlineThread, Resource);
    ClusWorkerCreate(&Resource->OfflineWorker,
                     (PWORKER_START_ROUTINE)DemoOfflineThread, Resource);
    // CHECK-NEXT: calling-convention-x86.c:[[@LINE+2]]:14: warning: 'DemoOpenV2' is cast to POPEN_V2_ROUTINE, but it uses the __cdecl calling convention where POPEN_V2_ROUTINE uses __stdcall: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
    // CHECK-NEXT: calling-convention-x86.c:[[@LINE-17]]:15: note: 'DemoOpenV2' is declared here
    g_Open = (POPEN_V2_ROUTINE)DemoOpenV2;
}
// CHECK-NEXT: 2 findings in 1 file
