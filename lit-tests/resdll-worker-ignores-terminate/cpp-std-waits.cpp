// The C++ standard library's waits of the API model: condition variables,
// futures (a member of a class template specialization, std::future<int>),
// std::this_thread::sleep_until. A worker function started with
// std::thread(function, argument).
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

struct DemoResource {
    RESOURCE_HANDLE Handle;
    std::mutex Lock;
    std::condition_variable Changed;
    std::future<int> Result;
    std::thread Worker;
};

static PCLRES_CALLBACK_FUNCTION_TABLE g_Monitor;

static void DemoRun(DemoResource *resource)
{
    RESOURCE_STATUS_EX status{};
    for (;;) {
        // CHECK: cpp-std-waits.cpp:[[@LINE+6]]:13: warning: worker routine 'DemoRun' goes on although the exit state of 'g_Monitor->SetResourceStatusEx(resource->Handle, &status)' is ResourceExitStateTerminate: it waits in 'std::condition_variable::wait_for'; it must return instead [resdll-worker-ignores-terminate]
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+5]]:13: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:13: note: 'g_Monitor->SetResourceStatusEx(resource->Handle, &status)...' is true
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+6]]:13: note: then worker routine 'DemoRun' waits in 'std::condition_variable::wait_for'
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+5]]:13: note: 'std::condition_variable::wait_for' blocks here
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+35]]:24: note: 'DemoRun' runs on a thread started by std::thread here
        if (g_Monitor->SetResourceStatusEx(resource->Handle, &status) ==
            ResourceExitStateTerminate) {
            std::unique_lock<std::mutex> lock(resource->Lock);
            resource->Changed.wait_for(lock, std::chrono::seconds(1));
            return;
        }
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+5]]:9: warning: worker routine 'DemoRun' discards the exit state of 'g_Monitor->SetResourceStatusEx(resource->Handle, &status)' and then waits in 'std::future<int>::get'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: then worker routine 'DemoRun' waits in 'std::future<int>::get'
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+3]]:9: note: 'std::future<int>::get' blocks here
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+24]]:24: note: 'DemoRun' runs on a thread started by std::thread here
        g_Monitor->SetResourceStatusEx(resource->Handle, &status);
        resource->Result.get();
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+5]]:9: warning: worker routine 'DemoRun' discards the exit state of 'g_Monitor->SetResourceStatusEx(resource->Handle, &status)' and then waits in 'std::this_thread::sleep_until'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: then worker routine 'DemoRun' waits in 'std::this_thread::sleep_until'
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+3]]:9: note: 'std::this_thread::sleep_until' blocks here
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+17]]:24: note: 'DemoRun' runs on a thread started by std::thread here
        g_Monitor->SetResourceStatusEx(resource->Handle, &status);
        std::this_thread::sleep_until(std::chrono::steady_clock::now() +
                                      std::chrono::seconds(1));
        std::unique_lock<std::mutex> lock(resource->Lock);
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+5]]:9: warning: worker routine 'DemoRun' discards the exit state of 'g_Monitor->SetResourceStatusEx(resource->Handle, &status)' and then waits in 'std::condition_variable::wait'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+4]]:9: note: then worker routine 'DemoRun' waits in 'std::condition_variable::wait'
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+3]]:9: note: 'std::condition_variable::wait' blocks here
        // CHECK-NEXT: cpp-std-waits.cpp:[[@LINE+8]]:24: note: 'DemoRun' runs on a thread started by std::thread here
        g_Monitor->SetResourceStatusEx(resource->Handle, &status);
        resource->Changed.wait(lock);
    }
}

void DemoStart(DemoResource *resource)
{
    resource->Worker = std::thread(DemoRun, resource);
}
// CHECK-NEXT: 4 findings in 1 file
