// The loop is in a helper that the worker runs: reported there, naming the
// worker. A helper that receives the worker and checks it is clean.
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

static DWORD DemoWaitForFile(PDEMO_RESOURCE Resource)
{
    // CHECK: helper-loop.c:[[@LINE+3]]:5: warning: 'DemoWaitForFile', run by worker routine 'DemoOnlineThread', loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: helper-loop.c:[[@LINE+3]]:9: note: the loop waits here in 'Sleep'
    // CHECK-NEXT: helper-loop.c:[[@LINE+53]]:14: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
    while (GetFileAttributesW(Resource->Path) == INVALID_FILE_ATTRIBUTES) {
        Sleep(250);
    }
    return ERROR_SUCCESS;
}

static DWORD DemoWaitForProcess(PDEMO_RESOURCE Resource, PCLUS_WORKER Worker)
{
    while (WaitForSingleObject(Resource->Process, 250) == WAIT_TIMEOUT &&
           !ClusWorkerCheckTerminate(Worker)) {
        g_LogEvent(Resource->Handle, LOG_INFORMATION, L"still waiting\n");
    }
    return ERROR_SUCCESS;
}

static DWORD DemoCopyOnce(PDEMO_RESOURCE Resource)
{
    if (CopyFileW(Resource->Path, L"C:\\backup.dat", FALSE)) {
        return ERROR_SUCCESS;
    }
    Sleep(250);
    return GetLastError();
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    DWORD status = DemoWaitForProcess(resource, Worker);
    if (status == ERROR_SUCCESS) {
        status = DemoWaitForFile(resource);
    }
    return status;
}

static DWORD WINAPI DemoCopyThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    // CHECK-NEXT: helper-loop.c:[[@LINE+3]]:5: warning: worker routine 'DemoCopyThread' loops without consulting ClusWorkerCheckTerminate or the exit state of a status call: ClusWorkerTerminate cannot stop it [resdll-worker-no-terminate-check]
    // CHECK-NEXT: helper-loop.c:[[@LINE+2]]:12: note: the loop calls 'DemoCopyOnce', which waits or reports status, here
    // CHECK-NEXT: helper-loop.c:[[@LINE+17]]:14: note: 'DemoCopyThread' runs on a thread started by ClusWorkerCreate here
    while (DemoCopyOnce(resource) != ERROR_SUCCESS) {
        g_LogEvent(resource->Handle, LOG_WARNING, L"copy failed, retrying\n");
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
    status = ClusWorkerCreate(&resource->OnlineWorker, DemoCopyThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 2 findings in 1 file
