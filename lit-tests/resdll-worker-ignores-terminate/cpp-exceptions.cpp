// C++ exceptions in a worker: a handler that goes round the loop again
// after the exit state was stored but not yet tested ignores Terminate on
// the path where push_back throws; a handler that reports a failure and
// returns is fine.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <string>
#include <vector>

struct ExRes {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER Worker;
    std::vector<std::wstring> Log;
};

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static DWORD WINAPI ExWorker(PCLUS_WORKER Worker, LPVOID Context)
{
    auto *resource = static_cast<ExRes *>(Context);
    RESOURCE_STATUS_EX status{};
    for (;;) {
        if (g_SetResourceStatus(resource->Handle, &status) == ResourceExitStateTerminate)
            return ERROR_CANCELLED;
        try {
            resource->Log.push_back(L"tick");
        } catch (const std::bad_alloc &) {
            status.ResourceState = ClusterResourceFailed;
            g_SetResourceStatus(resource->Handle, &status);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        Sleep(100);
    }
}

static DWORD WINAPI ExWorker2(PCLUS_WORKER Worker, LPVOID Context)
{
    auto *resource = static_cast<ExRes *>(Context);
    RESOURCE_STATUS_EX status{};
    for (;;) {
        // CHECK: :[[@LINE+7]]:22: warning: worker routine 'ExWorker2' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' may be ResourceExitStateTerminate: it goes round the loop again; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: :[[@LINE+6]]:22: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: :[[@LINE+7]]:37: note: constructing 'std::basic_string<wchar_t>' may throw std::bad_alloc
        // CHECK-NEXT: :[[@LINE+7]]:11: note: caught by 'catch (...)'
        // CHECK-NEXT: :[[@LINE-5]]:5: note: then worker routine 'ExWorker2' goes round the loop again
        // CHECK-NEXT: :[[@LINE-6]]:5: note: the loop goes round again here
        // CHECK-NEXT: :[[@LINE+20]]:5: note: 'ExWorker2' runs on a thread started by ClusWorkerCreate here
        DWORD exit = g_SetResourceStatus(resource->Handle, &status);
        try {
            resource->Log.push_back(L"tick");
        } catch (...) {
            continue;
        }
        if (exit == ResourceExitStateTerminate)
            break;
        Sleep(100);
    }
    return ERROR_SUCCESS;
}

extern "C" DWORD WINAPI ExOnlineV2(RESID Resource, LPHANDLE EventHandle,
                                   DWORD OnlineFlags, PBYTE InBuffer,
                                   DWORD InBufferSize, DWORD Reserved)
{
    auto *resource = static_cast<ExRes *>(Resource);
    ClusWorkerCreate(&resource->Worker, ExWorker, resource);
    ClusWorkerCreate(&resource->Worker, ExWorker2, resource);
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
