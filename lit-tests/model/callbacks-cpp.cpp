// Callback calls in C++: through the monitor's table kept by reference in
// a class, through a member copy of the routine, and from a lambda in a
// member function; the caller of each is named.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: callback'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

class Monitor {
public:
    explicit Monitor(const CLRES_CALLBACK_FUNCTION_TABLE &Table)
        : m_table(Table), m_setStatus(Table.SetResourceStatusEx) {}

    DWORD Report(RESOURCE_HANDLE Handle, CLUSTER_RESOURCE_STATE State)
    {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = State;
        // CHECK: {{.*}}: model: 0 entry points, 0 registrations, 3 callback calls, 0 worker starts
        // CHECK-NEXT: :[[@LINE+1]]:9: callback LogEvent in 'Monitor::Report'
        m_table.LogEvent(Handle, LOG_INFORMATION, L"Reporting.\n");
        // CHECK-NEXT: :[[@LINE+1]]:16: callback SetResourceStatusEx in 'Monitor::Report'
        return m_setStatus(Handle, &status);
    }

    void ReportLater(RESOURCE_HANDLE Handle)
    {
        auto report = [this, Handle]() {
            RESOURCE_STATUS_EX status = {};
            // CHECK-NEXT: :[[@LINE+1]]:19: callback SetResourceStatusEx in 'lambda'
            (void)m_table.SetResourceStatusEx(Handle, &status);
        };
        report();
    }

private:
    const CLRES_CALLBACK_FUNCTION_TABLE &m_table;
    PSET_RESOURCE_STATUS_ROUTINE_EX m_setStatus;
};
// CHECK-NEXT: 0 findings in 1 file
