// std::thread workers: an atomic stop flag or a std::stop_token-like check
// makes the loop stoppable (clean); a lambda that only sleeps is reported.
// RUN: not %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <atomic>
#include <chrono>
#include <thread>

class DemoResource {
public:
    void Start() {
        m_poller = std::thread([this] {
            while (!m_stop.load()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        m_waiter = std::thread(&DemoResource::WaitReady, this);
        m_other = std::thread([this] {
            while (!m_stop) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    }

private:
    void WaitReady() {
        // CHECK: cpp-std-thread.cpp:[[@LINE+3]]:9: warning: worker routine 'DemoResource::WaitReady' loops without consulting a stop signal (the exit state of a status call, a stop event, a stop flag): nothing stops it when the resource is terminated [resdll-worker-no-terminate-check]
        // CHECK-NEXT: cpp-std-thread.cpp:[[@LINE+3]]:13: note: the loop waits here in 'std::this_thread::sleep_for'
        // CHECK-NEXT: cpp-std-thread.cpp:[[@LINE-12]]:20: note: 'DemoResource::WaitReady' runs on a thread started by std::thread here
        while (GetFileAttributesW(L"C:\\ready") == INVALID_FILE_ATTRIBUTES) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    std::atomic<bool> m_stop{false};
    std::thread m_poller, m_waiter, m_other;
};
// CHECK-NEXT: 1 finding in 1 file
