// Loops that end by themselves are not reported: counting to a constant,
// a retry counter, a loop that neither waits nor reports. A counter that the
// loop resets is not a bound (finding).
// RUN: not %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    WCHAR name[MAX_PATH];
    int i;
    int retries = 5;

    for (i = 0; i < 10; i++) {
        if (GetFileAttributesW(resource->Path) != INVALID_FILE_ATTRIBUTES) {
            break;
        }
        Sleep(100);
    }
    while (retries-- > 0) {
        if (CopyFileW(resource->Path, L"C:\\backup.dat", FALSE)) {
            break;
        }
        Sleep(100);
    }
    for (;;) {
        if (GetTempFileNameW(L".", L"dmo", 0, name) != 0) {
            break;
        }
    }
    // CHECK: bounded-loops.c:[[@LINE+3]]:5: warning: worker routine 'DemoOnlineThread' loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: bounded-loops.c:[[@LINE+6]]:9: note: the loop waits here in 'Sleep'
    // CHECK-NEXT: bounded-loops.c:[[@LINE+16]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
    for (i = 0; i < 10; i++) {
        if (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
            i = 0;
        }
        Sleep(100);
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
