// C++ casts: reinterpret_cast and a functional cast of a static member
// function with the wrong signature are reported; a static member with the
// right one is not; lambdas and member functions cannot be cast and are
// left to the compiler.
// RUN: not %resdll-check '--checks=-*,resdll-entrypoint-cast-mismatch' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

class DemoResource {
public:
    DWORD Online() {
        ClusWorkerCreate(&m_worker,
                         // CHECK: cpp-casts.cpp:[[@LINE+2]]:26: warning: 'DemoResource::Run' is cast to PWORKER_START_ROUTINE, but it takes 1 parameter where PWORKER_START_ROUTINE takes 2: the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
                         // CHECK-NEXT: cpp-casts.cpp:[[@LINE+13]]:25: note: 'DemoResource::Run' is declared here
                         reinterpret_cast<PWORKER_START_ROUTINE>(&DemoResource::Run),
                         this);
        // CHECK-NEXT: cpp-casts.cpp:[[@LINE+2]]:37: warning: 'DemoResource::Watch' is cast to PWORKER_START_ROUTINE, but it returns 'BOOL' where PWORKER_START_ROUTINE returns 'DWORD': the cast hides a mismatch the compiler would have reported [resdll-entrypoint-cast-mismatch]
        // CHECK-NEXT: cpp-casts.cpp:[[@LINE+10]]:24: note: 'DemoResource::Watch' is declared here
        ClusWorkerCreate(&m_worker, PWORKER_START_ROUTINE(&DemoResource::Watch),
                         this);
        return ClusWorkerCreate(
            &m_worker, reinterpret_cast<PWORKER_START_ROUTINE>(&DemoResource::Good),
            this);
    }

private:
    static DWORD WINAPI Run(LPVOID Context) { return 0; }
    static BOOL WINAPI Watch(PCLUS_WORKER Worker, LPVOID Context) { return FALSE; }
    static DWORD WINAPI Good(PCLUS_WORKER Worker, LPVOID Context) { return 0; }
    CLUS_WORKER m_worker{};
};
// CHECK-NEXT: 2 findings in 1 file
