// A polling worker reports OnlinePending, throws the exit state away and
// sleeps: after ResourceExitStateTerminate it keeps the monitor waiting.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    LPWSTR ServiceName;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static BOOL DemoServiceRunning(PDEMO_RESOURCE Resource)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    SC_HANDLE svc;
    SERVICE_STATUS status;
    BOOL running = FALSE;
    if (scm == NULL) {
        return FALSE;
    }
    svc = OpenServiceW(scm, Resource->ServiceName, SERVICE_QUERY_STATUS);
    if (svc != NULL) {
        running = QueryServiceStatus(svc, &status) &&
                  status.dwCurrentState == SERVICE_RUNNING;
        CloseServiceHandle(svc);
    }
    CloseServiceHandle(scm);
    return running;
}

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnlinePending;
    while (!DemoServiceRunning(resource)) {
        status.CheckPoint++;
        // CHECK: discarded-then-sleep.c:[[@LINE+5]]:9: warning: worker routine 'DemoOnlineThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: discarded-then-sleep.c:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: discarded-then-sleep.c:[[@LINE+4]]:9: note: then worker routine 'DemoOnlineThread' waits in 'Sleep'
        // CHECK-NEXT: discarded-then-sleep.c:[[@LINE+3]]:9: note: 'Sleep' blocks here
        // CHECK-NEXT: discarded-then-sleep.c:[[@LINE+13]]:20: note: 'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here
        g_SetResourceStatus(resource->Handle, &status);
        Sleep(1000);
    }
    status.ResourceState = ClusterResourceOnline;
    g_SetResourceStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status = ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread, resource);
    return status == ERROR_SUCCESS ? ERROR_IO_PENDING : status;
}
// CHECK-NEXT: 1 finding in 1 file
