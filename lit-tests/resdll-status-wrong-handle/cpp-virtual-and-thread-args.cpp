// C++: an entry point calls a virtual method through the base class, and the
// overrides the file defines are followed; std::thread passes its extra
// arguments to a free function. One override reports with its event
// member, the other with the handle; the thread function receives the
// resource (clean) and the handle (clean), and another std::thread receives
// the event (reported where the thread is started with it).
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

static CLRES_FUNCTION_TABLE g_table;
static PCLRES_CALLBACK_FUNCTION_TABLE g_monitor;

struct Resource {
    explicit Resource(RESOURCE_HANDLE h) : handle(h), ready(CreateEventW(nullptr, TRUE, FALSE, nullptr)) {}
    virtual ~Resource() { CloseHandle(ready); }
    virtual void reportOnline() = 0;
    RESOURCE_HANDLE handle;
    HANDLE ready;
};

struct FileResource : Resource {
    using Resource::Resource;
    void reportOnline() override {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = ClusterResourceOnline;
        g_monitor->SetResourceStatusEx(handle, &status);
    }
};

struct ShareResource : Resource {
    using Resource::Resource;
    void reportOnline() override {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = ClusterResourceOnline;
        // CHECK: :[[@LINE+3]]:9: warning: SetResourceStatusEx in 'ShareResource::reportOnline' receives 'ready' as its ResourceHandle, but that is the field 'ready', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
        // CHECK-NEXT: :[[@LINE-22]]:61: note: 'ready' is assigned the handle returned by 'CreateEventW' here
        // CHECK-NEXT: :[[@LINE-23]]:51: note: 'DemoOpenV2' stores its ResourceHandle in the field 'handle' here
        g_monitor->SetResourceStatusEx(ready, &status);
    }
};

static void announce(Resource *resource, RESOURCE_HANDLE handle) {
    g_monitor->LogEvent(resource->handle, LOG_INFORMATION, L"Online.\n");
    g_monitor->LogEvent(handle, LOG_INFORMATION, L"Online.\n");
}

static void signalFailure(HANDLE what) {
    g_monitor->SignalFailure(what, FALSE, ERROR_NOT_READY);
}

RESID WINAPI DemoOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                        RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    if (resourceName[0] == L'F') {
        return new FileResource(resourceHandle);
    }
    return new ShareResource(resourceHandle);
}

DWORD WINAPI DemoOnlineV2(RESID resid, LPHANDLE eventHandle, DWORD onlineFlags,
                          PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    Resource *resource = static_cast<Resource *>(resid);
    resource->reportOnline();
    std::thread(announce, resource, resource->handle).detach();
    // CHECK: :[[@LINE+5]]:5: warning: SignalFailure (through the worker 'signalFailure') in 'DemoOnlineV2' receives 'resource->ready' as its ResourceHandle, but that is the field 'ready', which is never assigned OpenV2's ResourceHandle [resdll-status-wrong-handle]
    // CHECK-NEXT: :[[@LINE-17]]:5: note: 'signalFailure' passes it to SignalFailure as the ResourceHandle here
    // CHECK-NEXT: :[[@LINE-52]]:61: note: 'ready' is assigned the handle returned by 'CreateEventW' here
    // CHECK-NEXT: :[[@LINE-53]]:51: note: 'DemoOpenV2' stores its ResourceHandle in the field 'handle' here
    // CHECK-NEXT: :[[@LINE+18]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_table.V2Functions.Online'
    std::thread(signalFailure, resource->ready).detach();
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID resource, LPCWSTR destinationNodeName, DWORD offlineFlags,
                           PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return ERROR_SUCCESS;
}
void WINAPI DemoClose(RESID resource) { delete static_cast<Resource *>(resource); }
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
