// Worker starts in C++ with std::thread: a function and its argument, a
// lambda (its captures are the context), a lambda held in a variable, a
// member function with the object, and a function object; and a C API
// started from a member function.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: worker'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

class Service {
public:
    void Poll(DWORD Interval) {}
    void Start();
    static DWORD WINAPI Run(PCLUS_WORKER Worker, LPVOID Context) { return 0; }

private:
    CLUS_WORKER m_worker;
};

struct Watcher {
    Service *Owner;
    void operator()() const {}
};

static void Monitor(Service *S) {}

void Service::Start()
{
    // CHECK: {{.*}}: model: 0 entry points, 0 registrations, 0 callback calls, 6 worker starts
    // CHECK-NEXT: :[[@LINE+1]]:17: worker std::thread: routine 'Monitor', context 'this', created by 'Service::Start'
    std::thread byFunction(Monitor, this);
    // CHECK-NEXT: :[[@LINE+1]]:17: worker std::thread: routine 'lambda', context '[this] { Poll(1000); }', created by 'Service::Start'
    std::thread byLambda([this] { Poll(1000); });
    auto later = [this]() { Poll(5000); };
    // CHECK-NEXT: :[[@LINE+1]]:17: worker std::thread: routine 'lambda', context 'later', created by 'Service::Start'
    std::thread byVariable(later);
    // CHECK-NEXT: :[[@LINE+1]]:17: worker std::thread: routine 'Service::Poll', context 'this', created by 'Service::Start'
    std::thread byMember(&Service::Poll, this, 250);
    // CHECK-NEXT: :[[@LINE+1]]:17: worker std::thread: routine 'Watcher::operator()', context 'Watcher{this}', created by 'Service::Start'
    std::thread byFunctor(Watcher{this});
    // CHECK-NEXT: :[[@LINE+1]]:5: worker ClusWorkerCreate: routine 'Service::Run', context 'this', created by 'Service::Start'
    ClusWorkerCreate(&m_worker, &Service::Run, this);
    byFunction.detach();
    byLambda.detach();
    byVariable.detach();
    byMember.detach();
    byFunctor.detach();
}
// CHECK-NEXT: 0 findings in 1 file
