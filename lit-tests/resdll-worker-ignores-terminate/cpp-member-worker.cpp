// Member functions as workers: std::thread(&DemoResource::Run, this) and a
// static member passed to ClusWorkerCreate; the callback table is a member.
// Run joins another thread on the Terminate path (finding); Watch tests the
// exit state (clean).
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

class DemoResource {
public:
    DemoResource(RESOURCE_HANDLE handle, PCLRES_CALLBACK_FUNCTION_TABLE monitor)
        : m_handle(handle), m_monitor(monitor) {}

    DWORD Online() {
        m_main = std::thread(&DemoResource::Run, this);
        return ClusWorkerCreate(&m_worker, &DemoResource::Watch, this);
    }

private:
    void Run() {
        RESOURCE_STATUS_EX status{};
        status.ResourceState = ClusterResourceOnlinePending;
        for (;;) {
            // CHECK: cpp-member-worker.cpp:[[@LINE+6]]:31: warning: worker routine 'DemoResource::Run' goes on although the exit state of 'm_monitor->SetResourceStatusEx(m_handle, &status)' is ResourceExitStateTerminate: it waits in 'std::thread::join'; it must return instead [resdll-worker-ignores-terminate]
            // CHECK-NEXT: cpp-member-worker.cpp:[[@LINE+5]]:31: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
            // CHECK-NEXT: cpp-member-worker.cpp:[[@LINE+5]]:17: note: 'exitState == ResourceExitStateTerminate' is true
            // CHECK-NEXT: cpp-member-worker.cpp:[[@LINE+5]]:17: note: then worker routine 'DemoResource::Run' waits in 'std::thread::join'
            // CHECK-NEXT: cpp-member-worker.cpp:[[@LINE+4]]:17: note: 'std::thread::join' blocks here
            // CHECK-NEXT: cpp-member-worker.cpp:[[@LINE-14]]:18: note: 'DemoResource::Run' runs on a thread started by std::thread here
            DWORD exitState = m_monitor->SetResourceStatusEx(m_handle, &status);
            if (exitState == ResourceExitStateTerminate) {
                m_helper.join();
                return;
            }
            Sleep(100);
        }
    }

    static DWORD WINAPI Watch(PCLUS_WORKER Worker, LPVOID Context) {
        auto *self = static_cast<DemoResource *>(Context);
        RESOURCE_STATUS_EX status{};
        status.ResourceState = ClusterResourceOnlinePending;
        while (!ClusWorkerCheckTerminate(Worker)) {
            if (self->m_monitor->SetResourceStatusEx(self->m_handle, &status) !=
                ResourceExitStateContinue) {
                break;
            }
            Sleep(100);
        }
        return ERROR_SUCCESS;
    }

    RESOURCE_HANDLE m_handle;
    PCLRES_CALLBACK_FUNCTION_TABLE m_monitor;
    CLUS_WORKER m_worker{};
    std::thread m_main;
    std::thread m_helper;
};
// CHECK-NEXT: 1 finding in 1 file
