// C++: nullptr as the handle, directly and through a local that is still
// nullptr on one path of a method; the member is clean, and so is the local
// where a test keeps it from being nullptr at the call.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_table;
static PCLRES_CALLBACK_FUNCTION_TABLE g_monitor;

class Demo {
public:
    explicit Demo(RESOURCE_HANDLE handle) : m_handle(handle) {}

    DWORD online(DWORD flags) {
        RESOURCE_HANDLE handle = nullptr;
        if (flags == 0) {
            handle = m_handle;
        }
        // CHECK: :[[@LINE+3]]:9: warning: LogEvent in 'Demo::online' receives a null ResourceHandle ('handle') on this path [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-4]]:13: note: 'flags == 0' is false
        // CHECK-NEXT: :[[@LINE-9]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
        g_monitor->LogEvent(handle, LOG_INFORMATION, L"Online.\n");
        if (handle != nullptr) {
            g_monitor->LogEvent(handle, LOG_INFORMATION, L"Online.\n");
        }
        g_monitor->LogEvent(m_handle, LOG_INFORMATION, L"Online.\n");
        return ERROR_SUCCESS;
    }

    void offline() {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = ClusterResourceOffline;
        // CHECK: :[[@LINE+2]]:9: warning: SetResourceStatusEx in 'Demo::offline' receives a null ResourceHandle ('nullptr') [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-22]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
        g_monitor->SetResourceStatusEx(nullptr, &status);
        g_monitor->SetResourceStatusEx(m_handle, &status);
    }

private:
    RESOURCE_HANDLE m_handle;
};

RESID WINAPI DemoOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                        RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    return new Demo(resourceHandle);
}

DWORD WINAPI DemoOnlineV2(RESID resource, LPHANDLE eventHandle, DWORD onlineFlags,
                          PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return static_cast<Demo *>(resource)->online(onlineFlags);
}

DWORD WINAPI DemoOfflineV2(RESID resource, LPCWSTR destinationNodeName, DWORD offlineFlags,
                           PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    static_cast<Demo *>(resource)->offline();
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
// CHECK: 2 findings in 1 file
