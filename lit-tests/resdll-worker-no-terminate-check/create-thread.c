// Workers started with CreateThread and _beginthreadex have no
// CLUS_WORKER: a volatile stop flag or an Interlocked read is their way to
// stop (clean). A loop with neither is reported.
// RUN: not %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <process.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Thread;
    volatile LONG Stop;
    LONG StopRequests;
    LPWSTR Path;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static DWORD WINAPI DemoFlagThread(LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    while (!resource->Stop) {
        Sleep(500);
    }
    return 0;
}

static unsigned __stdcall DemoInterlockedThread(void *Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    while (InterlockedCompareExchange(&resource->StopRequests, 0, 0) == 0) {
        Sleep(500);
    }
    return 0;
}

static DWORD WINAPI DemoDeafThread(LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    // CHECK: create-thread.c:[[@LINE+3]]:5: warning: worker routine 'DemoDeafThread' loops without consulting a stop signal (the exit state of a status call, a stop event, a stop flag): nothing stops it when the resource is terminated [resdll-worker-no-terminate-check]
    // CHECK-NEXT: create-thread.c:[[@LINE+3]]:9: note: the loop waits here in 'Sleep'
    // CHECK-NEXT: create-thread.c:[[@LINE+13]]:24: note: 'DemoDeafThread' runs on a thread started by CreateThread here
    while (GetFileAttributesW(resource->Path) == INVALID_FILE_ATTRIBUTES) {
        Sleep(500);
    }
    return 0;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    resource->Thread = CreateThread(NULL, 0, DemoFlagThread, resource, 0, NULL);
    _beginthreadex(NULL, 0, DemoInterlockedThread, resource, 0, NULL);
    resource->Thread = CreateThread(NULL, 0, DemoDeafThread, resource, 0, NULL);
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
