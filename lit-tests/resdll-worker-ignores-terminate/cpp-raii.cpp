// RAII on the Terminate path: a guard whose destructor closes a handle is
// fine; one whose destructor waits for a thread blocks the worker.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

class ScopedHandle {
public:
    explicit ScopedHandle(HANDLE h) : m_h(h) {}
    ~ScopedHandle() { if (m_h) CloseHandle(m_h); }
    HANDLE get() const { return m_h; }
private:
    HANDLE m_h;
};

class JoinOnExit {
public:
    explicit JoinOnExit(HANDLE thread) : m_thread(thread) {}
    ~JoinOnExit() { WaitForSingleObject(m_thread, INFINITE); CloseHandle(m_thread); }
private:
    HANDLE m_thread;
};

struct DemoResource {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER Worker;
    HANDLE Helper;
};

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static DWORD WINAPI DemoClosingThread(PCLUS_WORKER Worker, LPVOID Context)
{
    auto *resource = static_cast<DemoResource *>(Context);
    ScopedHandle event(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    RESOURCE_STATUS_EX status{};
    for (;;) {
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
        WaitForSingleObject(event.get(), 100);
    }
}

static DWORD WINAPI DemoJoiningThread(PCLUS_WORKER Worker, LPVOID Context)
{
    auto *resource = static_cast<DemoResource *>(Context);
    JoinOnExit helper(resource->Helper);
    RESOURCE_STATUS_EX status{};
    for (;;) {
        // CHECK: cpp-raii.cpp:[[@LINE+6]]:13: warning: worker routine 'DemoJoiningThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it runs the destructor of 'JoinOnExit', which may block; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: cpp-raii.cpp:[[@LINE+5]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: cpp-raii.cpp:[[@LINE+4]]:13: note: 'g_SetResourceStatus(resource->Handle, &status) == Resourc...' is true
        // CHECK-NEXT: cpp-raii.cpp:[[@LINE+5]]:13: note: then worker routine 'DemoJoiningThread' runs the destructor of 'JoinOnExit', which may block
        // CHECK-NEXT: cpp-raii.cpp:[[@LINE+4]]:13: note: the destructor of 'JoinOnExit' may block here
        // CHECK-NEXT: cpp-raii.cpp:[[@LINE+15]]:5: note: 'DemoJoiningThread' runs on a thread started by ClusWorkerCreate here
        if (g_SetResourceStatus(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            return ERROR_CANCELLED;
        }
        Sleep(100);
    }
}

extern "C" DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                                     DWORD OnlineFlags, PBYTE InBuffer,
                                     DWORD InBufferSize, DWORD Reserved)
{
    auto *resource = static_cast<DemoResource *>(Resource);
    ClusWorkerCreate(&resource->Worker, DemoClosingThread, resource);
    ClusWorkerCreate(&resource->Worker, DemoJoiningThread, resource);
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 1 finding in 1 file
