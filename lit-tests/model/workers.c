// Worker starts in C, with the routine, the context argument as written
// and the function that starts it: ClusWorkerCreate (routine cast to
// PWORKER_START_ROUTINE), CreateThread, _beginthreadex, QueueUserWorkItem,
// TrySubmitThreadpoolCallback, CreateThreadpoolWork. A thread started with
// a routine the model cannot resolve (a variable) is not listed.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: worker'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <process.h>

typedef struct WK_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    HANDLE Thread;
    PTP_WORK Work;
} WK_RESOURCE, *PWK_RESOURCE;

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, PWK_RESOURCE Resource) { return 0; }
static DWORD WINAPI PollThread(LPVOID Context) { return 0; }
static unsigned __stdcall CrtThread(void *Context) { return 0; }
static DWORD WINAPI QueuedItem(LPVOID Context) { return 0; }
static VOID CALLBACK PoolCallback(PTP_CALLBACK_INSTANCE Instance, PVOID Context) {}
static VOID CALLBACK PoolWork(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PTP_WORK Work) {}

DWORD WINAPI WkOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                        PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PWK_RESOURCE resource = (PWK_RESOURCE)Resource;
    LPTHREAD_START_ROUTINE routine = PollThread;

    // CHECK: {{.*}}: model: 0 entry points, 0 registrations, 0 callback calls, 6 worker starts
    // CHECK-NEXT: :[[@LINE+1]]:5: worker ClusWorkerCreate: routine 'OnlineThread', context 'resource', created by 'WkOnlineV2'
    ClusWorkerCreate(&resource->OnlineWorker, (PWORKER_START_ROUTINE)OnlineThread,
                     resource);
    // CHECK-NEXT: :[[@LINE+1]]:24: worker CreateThread: routine 'PollThread', context 'resource', created by 'WkOnlineV2'
    resource->Thread = CreateThread(NULL, 0, PollThread, resource, 0, NULL);
    // CHECK-NEXT: :[[@LINE+1]]:5: worker _beginthreadex: routine 'CrtThread', context '&resource->Handle', created by 'WkOnlineV2'
    _beginthreadex(NULL, 0, CrtThread, &resource->Handle, 0, NULL);
    // CHECK-NEXT: :[[@LINE+1]]:5: worker QueueUserWorkItem: routine 'QueuedItem', context 'Resource', created by 'WkOnlineV2'
    QueueUserWorkItem(QueuedItem, Resource, WT_EXECUTEDEFAULT);
    // CHECK-NEXT: :[[@LINE+1]]:5: worker TrySubmitThreadpoolCallback: routine 'PoolCallback', context 'resource', created by 'WkOnlineV2'
    TrySubmitThreadpoolCallback(PoolCallback, resource, NULL);
    // CHECK-NEXT: :[[@LINE+1]]:22: worker CreateThreadpoolWork: routine 'PoolWork', context 'resource', created by 'WkOnlineV2'
    resource->Work = CreateThreadpoolWork(PoolWork, resource, NULL);
    CreateThread(NULL, 0, routine, NULL, 0, NULL);
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 0 findings in 1 file
