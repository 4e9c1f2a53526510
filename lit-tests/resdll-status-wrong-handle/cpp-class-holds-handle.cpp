// C++: the resource is a class that keeps its ResourceHandle as a member
// (set by the constructor that std::make_unique calls from OpenV2), and its
// methods report through 'this': from the entry points, from a std::thread
// running a member function, from a std::thread running a lambda that
// captures 'this', and from an override called through a base class. All
// clean. The only finding is the LogEvent through 'this' of the resource
// that a global pointer designates, in a method that works for one
// resource.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <memory>
#include <thread>

static CLRES_FUNCTION_TABLE g_table;
static CLRES_CALLBACK_FUNCTION_TABLE g_monitor;

class ResourceBase {
public:
    explicit ResourceBase(RESOURCE_HANDLE handle) : m_handle(handle) {}
    virtual ~ResourceBase() = default;
    virtual DWORD online() = 0;

protected:
    DWORD report(CLUSTER_RESOURCE_STATE state) {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = state;
        return g_monitor.SetResourceStatusEx(m_handle, &status);
    }
    void log(const wchar_t *text) {
        g_monitor.LogEvent(this->m_handle, LOG_INFORMATION, L"%1!ws!\n", text);
    }

private:
    RESOURCE_HANDLE m_handle = nullptr;
};

class DemoResource : public ResourceBase {
public:
    explicit DemoResource(RESOURCE_HANDLE handle) : ResourceBase(handle) {}
    DWORD online() override {
        m_worker = std::thread(&DemoResource::onlineWorker, this);
        return ERROR_IO_PENDING;
    }
    DWORD offline() {
        m_stopper = std::thread([this] {
            if (m_worker.joinable()) {
                m_worker.join();
            }
            report(ClusterResourceOffline);
        });
        return ERROR_IO_PENDING;
    }
    void terminate() {
        if (g_first != nullptr) {
            // CHECK: :[[@LINE+3]]:13: warning: LogEvent (through 'ResourceBase::log') in 'DemoResource::terminate' receives a handle read through 'g_first', an object that is not tied to this resource [resdll-status-wrong-handle]
            // CHECK-NEXT: :[[@LINE-26]]:9: note: 'ResourceBase::log' passes it to LogEvent as the ResourceHandle here
            // CHECK-NEXT: :[[@LINE-38]]:62: note: 'DemoOpenV2' stores its ResourceHandle in the field 'm_handle' here
            g_first->log(L"A resource terminated.");
        }
        log(L"Terminated.");
    }
    static DemoResource *g_first;

private:
    void onlineWorker() {
        report(ClusterResourceOnlinePending);
        report(ClusterResourceOnline);
    }
    std::thread m_worker;
    std::thread m_stopper;
};

DemoResource *DemoResource::g_first = nullptr;

static DemoResource *toResource(RESID resource) {
    return static_cast<DemoResource *>(resource);
}

RESID WINAPI DemoOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                        RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    auto resource = std::make_unique<DemoResource>(resourceHandle);
    if (DemoResource::g_first == nullptr) {
        DemoResource::g_first = resource.get();
    }
    return resource.release();
}

DWORD WINAPI DemoOnlineV2(RESID resource, LPHANDLE eventHandle, DWORD onlineFlags,
                          PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    ResourceBase *base = toResource(resource);
    return base->online();
}

DWORD WINAPI DemoOfflineV2(RESID resource, LPCWSTR destinationNodeName, DWORD offlineFlags,
                           PBYTE inBuffer, DWORD inBufferSize, DWORD reserved) {
    return toResource(resource)->offline();
}

void WINAPI DemoClose(RESID resource) { delete toResource(resource); }
void WINAPI DemoTerminate(RESID resource) { toResource(resource)->terminate(); }
BOOL WINAPI DemoIsAlive(RESID resource) { return TRUE; }

extern "C" DWORD WINAPI StartupEx(LPCWSTR resourceType, DWORD minVersionSupported,
                                  DWORD maxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE monitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *resourceDllInterfaceFunctions) {
    g_monitor = *monitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_table, CLRES_VERSION_V2_00, Demo, nullptr, nullptr,
                                nullptr, nullptr, DemoIsAlive, DemoIsAlive, nullptr);
    *resourceDllInterfaceFunctions = &g_table;
    return ERROR_SUCCESS;
}
// CHECK: 1 finding in 1 file
