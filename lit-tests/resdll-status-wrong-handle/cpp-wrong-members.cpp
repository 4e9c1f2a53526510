// C++ members that are not the resource handle: an event member, 'this',
// a static member holding the last handle, and values captured by lambdas
// (an init-capture of the event; a copy of the handle is clean). The class
// inherits its constructor ('using Base::Base'), which stores the handle.
// A thread of the resource type that captures nothing works for no resource
// in particular: its use of the global resource pointer is not reported,
// the same use in a thread that captures 'this' is.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

static CLRES_FUNCTION_TABLE g_table;
static PCLRES_CALLBACK_FUNCTION_TABLE g_monitor;

class Base {
public:
    explicit Base(RESOURCE_HANDLE handle) : m_handle(handle) { s_last = handle; }
    RESOURCE_HANDLE handle() const { return m_handle; }

protected:
    RESOURCE_HANDLE m_handle;
    static RESOURCE_HANDLE s_last;
};

RESOURCE_HANDLE Base::s_last = nullptr;

class Demo : public Base {
public:
    using Base::Base;

    DWORD online() {
        m_event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        RESOURCE_HANDLE mine = m_handle;
        m_thread = std::thread([this, mine, ev = m_event] {
            g_monitor->LogEvent(mine, LOG_INFORMATION, L"Online.\n");
            // CHECK: :[[@LINE+3]]:13: warning: LogEvent in a lambda in 'Demo::online' receives 'ev' as its ResourceHandle, but that is the field 'm_event', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
            // CHECK-NEXT: :[[@LINE-5]]:9: note: 'm_event' is assigned the handle returned by 'CreateEventW' here
            // CHECK-NEXT: :[[@LINE-21]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
            g_monitor->LogEvent(ev, LOG_INFORMATION, L"Online.\n");
            // CHECK: :[[@LINE+2]]:13: warning: LogEvent in a lambda in 'Demo::online' receives 'g_any->handle()' as its ResourceHandle, the handle field of an object that is not tied to this resource [resdll-status-wrong-handle]
            // CHECK-NEXT: :[[@LINE-24]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
            g_monitor->LogEvent(g_any->handle(), LOG_INFORMATION, L"Online.\n");
        });
        std::thread([] {
            g_monitor->LogEvent(g_any->handle(), LOG_INFORMATION, L"Type-wide.\n");
        }).detach();
        return ERROR_IO_PENDING;
    }

    void offline() {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = ClusterResourceOffline;
        // CHECK: :[[@LINE+3]]:9: warning: SetResourceStatusEx in 'Demo::offline' receives 'm_event' as its ResourceHandle, but that is the field 'm_event', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-22]]:9: note: 'm_event' is assigned the handle returned by 'CreateEventW' here
        // CHECK-NEXT: :[[@LINE-38]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
        g_monitor->SetResourceStatusEx(m_event, &status);
        // CHECK: :[[@LINE+2]]:9: warning: SetResourceStatusEx in 'Demo::offline' receives the resource object pointer 'this' instead of the ResourceHandle that OpenV2 received [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-41]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
        g_monitor->SetResourceStatusEx(this, &status);
        // CHECK: :[[@LINE+3]]:9: warning: SetResourceStatusEx in 'Demo::offline' receives 's_last' as its ResourceHandle, a handle kept in the static variable 's_last' and shared by every resource of the type [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-44]]:64: note: 's_last' is assigned the ResourceHandle here
        // CHECK-NEXT: :[[@LINE-45]]:54: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
        g_monitor->SetResourceStatusEx(s_last, &status);
        g_monitor->SetResourceStatusEx(handle(), &status);
    }

    static Demo *g_any;

private:
    HANDLE m_event = nullptr;
    std::thread m_thread;
};

Demo *Demo::g_any = nullptr;

RESID WINAPI DemoOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                        RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    Demo *demo = new Demo(resourceHandle);
    Demo::g_any = demo;
    return demo;
}

DWORD WINAPI DemoOnlineV2(RESID resource, LPHANDLE eventHandle, DWORD onlineFlags,
                          PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return static_cast<Demo *>(resource)->online();
}

DWORD WINAPI DemoOfflineV2(RESID resource, LPCWSTR destinationNodeName, DWORD offlineFlags,
                           PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    reinterpret_cast<Demo *>(resource)->offline();
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
// CHECK: 5 findings in 1 file
