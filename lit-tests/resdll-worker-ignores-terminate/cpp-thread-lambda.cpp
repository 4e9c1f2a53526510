// C++ workers: std::thread running lambdas, and a lambda used as a helper
// that returns the exit state.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <chrono>
#include <thread>

class DemoResource {
public:
    DemoResource(RESOURCE_HANDLE handle, PCLRES_CALLBACK_FUNCTION_TABLE monitor)
        : m_handle(handle), m_monitor(monitor) {}

    void StartPolling() {
        m_worker = std::thread([this] {
            RESOURCE_STATUS_EX status{};
            status.ResourceState = ClusterResourceOnlinePending;
            while (!Ready()) {
                status.CheckPoint++;
                // CHECK: cpp-thread-lambda.cpp:[[@LINE+5]]:17: warning: the worker lambda discards the exit state of 'm_monitor->SetResourceStatusEx(m_handle, &status)' and then waits in 'std::this_thread::sleep_for'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+4]]:17: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+4]]:17: note: then the worker lambda waits in 'std::this_thread::sleep_for'
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+3]]:17: note: 'std::this_thread::sleep_for' blocks here
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE-9]]:20: note: the lambda runs on a thread started by std::thread here
                m_monitor->SetResourceStatusEx(m_handle, &status);
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
        });
    }

    void StartChecked() {
        m_worker = std::thread([this] {
            RESOURCE_STATUS_EX status{};
            status.ResourceState = ClusterResourceOnlinePending;
            while (!Ready()) {
                status.CheckPoint++;
                auto exitState = static_cast<RESOURCE_EXIT_STATE>(
                    m_monitor->SetResourceStatusEx(m_handle, &status));
                if (exitState == ResourceExitStateTerminate) {
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
        });
    }

    void StartWithHelper() {
        m_worker = std::thread([this] {
            RESOURCE_STATUS_EX status{};
            auto report = [&](CLUSTER_RESOURCE_STATE state) {
                status.ResourceState = state;
                return m_monitor->SetResourceStatusEx(m_handle, &status);
            };
            while (!Ready()) {
                if (report(ClusterResourceOnlinePending) ==
                    ResourceExitStateTerminate) {
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
            while (!Ready()) {
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+6]]:17: warning: the worker lambda discards the exit state that 'report(ClusterResourceOnlinePending)' passes on from SetResourceStatusEx and then waits in 'std::this_thread::sleep_for'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+5]]:17: note: the lambda passes on the exit state of its SetResourceStatusEx call here; it may be ResourceExitStateTerminate
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+5]]:17: note: then the worker lambda waits in 'std::this_thread::sleep_for'
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE+4]]:17: note: 'std::this_thread::sleep_for' blocks here
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE-14]]:24: note: the SetResourceStatusEx call whose exit state the lambda passes on
                // CHECK-NEXT: cpp-thread-lambda.cpp:[[@LINE-19]]:20: note: the lambda runs on a thread started by std::thread here
                report(ClusterResourceOnlinePending);
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
            report(ClusterResourceOnline);
        });
    }

private:
    bool Ready() const { return GetFileAttributesW(L"C:\\ready") != INVALID_FILE_ATTRIBUTES; }

    RESOURCE_HANDLE m_handle;
    PCLRES_CALLBACK_FUNCTION_TABLE m_monitor;
    std::thread m_worker;
};
// CHECK-NEXT: 2 findings in 1 file
