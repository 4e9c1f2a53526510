// C++: OpenV2 constructs the resource object without giving it the
// ResourceHandle, and the member the methods report with is assigned
// nowhere in the file: OpenV2 is reported. The member is read through
// 'this' in a std::thread running a member function.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <string>
#include <thread>

static CLRES_FUNCTION_TABLE g_table;
static PCLRES_CALLBACK_FUNCTION_TABLE g_monitor;

class Demo {
public:
    explicit Demo(LPCWSTR name) : m_name(name) {}
    DWORD online() {
        m_worker = std::thread(&Demo::run, this);
        return ERROR_IO_PENDING;
    }

private:
    void run() {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = ClusterResourceOnline;
        g_monitor->SetResourceStatusEx(m_handle, &status);
    }
    std::wstring m_name;
    RESOURCE_HANDLE m_handle = nullptr;
    std::thread m_worker;
};

RESID WINAPI DemoOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                        // CHECK: :[[@LINE+3]]:41: warning: OpenV2 entry point 'DemoOpenV2' never stores its ResourceHandle where the callbacks read it ('m_handle', to which no function of this file assigns a handle) [resdll-status-wrong-handle]
                        // CHECK-NEXT: :[[@LINE-9]]:9: note: SetResourceStatusEx in 'Demo::run' reads its ResourceHandle from 'm_handle' here
                        // CHECK-NEXT: :[[@LINE+23]]:5: note: 'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_table.V2Functions.Open'
                        RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    return new Demo(resourceName);
}

DWORD WINAPI DemoOnlineV2(RESID resource, LPHANDLE eventHandle, DWORD onlineFlags,
                          PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return static_cast<Demo *>(resource)->online();
}

DWORD WINAPI DemoOfflineV2(RESID resource, LPCWSTR destinationNodeName, DWORD offlineFlags,
                           PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return ERROR_SUCCESS;
}
void WINAPI DemoClose(RESID resource) { delete static_cast<Demo *>(resource); }
void WINAPI DemoTerminate(RESID resource) {}
BOOL WINAPI DemoIsAlive(RESID resource) { return TRUE; }

extern "C" DWORD WINAPI StartupEx(LPCWSTR resourceType, DWORD minVersionSupported,
                                  DWORD maxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE monitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *resourceDllInterfaceFunctions) {
    g_monitor = monitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_table, CLRES_VERSION_V2_00, Demo, nullptr, nullptr,
                                nullptr, nullptr, DemoIsAlive, DemoIsAlive, nullptr);
    *resourceDllInterfaceFunctions = &g_table;
    return ERROR_SUCCESS;
}
// CHECK: 1 finding in 1 file
