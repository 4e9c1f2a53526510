// kvstore.cpp - a C++ resource DLL for a "KV Store" cluster resource.
//
// Each resource runs an in-process key-value replica: Online starts a
// std::thread that loads the store and reports ClusterResourceOnline,
// Offline stops it from a lambda thread, and a monitor thread shared by all
// resources of the type checks every replica. Resources are C++ objects
// handed to the Resource Monitor as the RESID; each keeps its
// ResourceHandle in a StatusReporter member.
//
// It carries the wrong-handle bugs that resdll-check's rule 2 must find (see
// lit-tests/resdll-status-wrong-handle/kvstore.test), among correct uses
// that it must leave alone.
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

CLRES_FUNCTION_TABLE g_functionTable;
CLRES_CALLBACK_FUNCTION_TABLE g_monitor; // copied in StartupEx

// Reports the status of one resource with the handle it was opened with.
class StatusReporter {
public:
    explicit StatusReporter(RESOURCE_HANDLE handle) : m_handle(handle) {}

    DWORD report(CLUSTER_RESOURCE_STATE state, DWORD checkPoint) const {
        RESOURCE_STATUS_EX status = {};
        status.ResourceState = state;
        status.CheckPoint = checkPoint;
        return g_monitor.SetResourceStatusEx(m_handle, &status);
    }

    void log(LOG_LEVEL level, const wchar_t *text) const {
        g_monitor.LogEvent(m_handle, level, L"%1!ws!\n", text);
    }

    void failed(DWORD error) const {
        g_monitor.SignalFailure(m_handle, FALSE, error);
    }

private:
    RESOURCE_HANDLE m_handle;
};

class KvResource;

// Every open resource, for the monitor thread.
class Registry {
public:
    void add(KvResource *resource) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_resources.push_back(resource);
    }
    void remove(KvResource *resource) {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_resources.begin(); it != m_resources.end(); ++it) {
            if (*it == resource) {
                m_resources.erase(it);
                break;
            }
        }
    }
    std::vector<KvResource *> snapshot() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_resources;
    }

private:
    std::mutex m_mutex;
    std::vector<KvResource *> m_resources;
};

Registry g_registry;

class KvResource {
public:
    KvResource(std::wstring name, RESOURCE_HANDLE handle, HKEY parameters)
        : m_name(std::move(name)), m_reporter(handle), m_parameters(parameters) {
        s_lastHandle = handle;
    }

    ~KvResource() {
        stopThreads();
        if (m_stopEvent != nullptr) {
            CloseHandle(m_stopEvent);
        }
        if (m_parameters != nullptr) {
            ClusterRegCloseKey(m_parameters);
        }
    }

    DWORD initialise() {
        m_stopEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        if (m_stopEvent == nullptr) {
            return GetLastError();
        }
        DWORD port = 0;
        DWORD status = ResUtilGetDwordValue(m_parameters, L"Port", &port, 7000);
        if (status != ERROR_SUCCESS) {
            m_reporter.log(LOG_ERROR, L"Cannot read the Port property.");
            return status;
        }
        m_port = port;
        return ERROR_SUCCESS;
    }

    DWORD online() {
        stopThreads();
        ResetEvent(m_stopEvent);
        m_online = false;
        m_worker = std::thread(&KvResource::onlineWorker, this);
        return ERROR_IO_PENDING;
    }

    DWORD offline() {
        SetEvent(m_stopEvent);
        m_stopper = std::thread([this] {
            if (m_worker.joinable()) {
                m_worker.join();
            }
            RESOURCE_STATUS_EX status = {};
            status.ResourceState = ClusterResourceOfflinePending;
            // Bug: the stop event, not the resource handle.
            g_monitor.SetResourceStatusEx(m_stopEvent, &status);
            m_online = false;
            m_reporter.report(ClusterResourceOffline, 2);
        });
        return ERROR_IO_PENDING;
    }

    void terminate() {
        SetEvent(m_stopEvent);
        stopThreads();
        m_online = false;
        // Bug: the handle of the resource opened last, kept in a static.
        g_monitor.LogEvent(s_lastHandle, LOG_WARNING, L"Terminated.\n");
    }

    bool isAlive() const { return m_online; }
    bool checkReplica() const { return m_online && m_port != 0; }
    const StatusReporter &reporter() const { return m_reporter; }

    // Tells the seed replica's log that this one joined.
    void announce() {
        if (g_seed != nullptr && g_seed != this) {
            // Bug: the seed's reporter logs with the seed's handle.
            g_seed->reporter().log(LOG_INFORMATION, L"A replica joined.");
        }
    }

    static KvResource *g_seed; // the first replica opened

private:
    void onlineWorker() {
        DWORD checkPoint = 0;
        for (int attempt = 0; attempt < 30; ++attempt) {
            if (WaitForSingleObject(m_stopEvent, 0) == WAIT_OBJECT_0) {
                return;
            }
            if (loadReplica()) {
                m_online = true;
                m_reporter.report(ClusterResourceOnline, ++checkPoint);
                announce();
                return;
            }
            if (m_reporter.report(ClusterResourceOnlinePending, ++checkPoint) ==
                ResourceExitStateTerminate) {
                return;
            }
            Sleep(1000);
        }
        m_reporter.failed(ERROR_TIMEOUT);
        m_reporter.report(ClusterResourceFailed, ++checkPoint);
    }

    bool loadReplica() { return m_port != 0; }

    void stopThreads() {
        if (m_worker.joinable()) {
            m_worker.join();
        }
        if (m_stopper.joinable()) {
            m_stopper.join();
        }
    }

    static RESOURCE_HANDLE s_lastHandle;

    std::wstring m_name;
    StatusReporter m_reporter;
    HKEY m_parameters = nullptr;
    HANDLE m_stopEvent = nullptr;
    DWORD m_port = 0;
    std::atomic<bool> m_online{false};
    std::thread m_worker;
    std::thread m_stopper;
};

RESOURCE_HANDLE KvResource::s_lastHandle = nullptr;
KvResource *KvResource::g_seed = nullptr;

// The monitor of the resource type: each resource's own reporter.
class Monitor {
public:
    void start() {
        m_stop = false;
        m_thread = std::thread([this] { run(); });
    }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

private:
    void run() {
        while (!m_stop) {
            for (KvResource *resource : g_registry.snapshot()) {
                if (resource->isAlive() && !resource->checkReplica()) {
                    resource->reporter().failed(ERROR_NOT_READY);
                    resource->reporter().report(ClusterResourceFailed, 0);
                }
            }
            Sleep(5000);
        }
    }

    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

Monitor g_monitorThread;

KvResource *fromResid(RESID resource) {
    return static_cast<KvResource *>(resource);
}

RESID WINAPI KvOpenV2(LPCWSTR resourceName, HKEY resourceKey,
                      RESOURCE_HANDLE resourceHandle, DWORD openFlags) {
    HKEY parameters = nullptr;
    DWORD status = ClusterRegOpenKey(resourceKey, L"Parameters", KEY_READ,
                                     &parameters);
    if (status != ERROR_SUCCESS) {
        g_monitor.LogEvent(resourceHandle, LOG_ERROR,
                           L"Cannot open the parameters: %1!u!\n", status);
        SetLastError(status);
        return nullptr;
    }
    auto resource = std::make_unique<KvResource>(resourceName, resourceHandle,
                                                 parameters);
    status = resource->initialise();
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return nullptr;
    }
    g_registry.add(resource.get());
    if (KvResource::g_seed == nullptr) {
        KvResource::g_seed = resource.get();
    }
    return resource.release();
}

void WINAPI KvClose(RESID resource) {
    g_registry.remove(fromResid(resource));
    delete fromResid(resource);
}

DWORD WINAPI KvOnlineV2(RESID resource, LPHANDLE eventHandle,
                        DWORD onlineFlags, PBYTE inBuffer, DWORD inBufferSize,
                        DWORD reserved) {
    return fromResid(resource)->online();
}

DWORD WINAPI KvOfflineV2(RESID resource, LPCWSTR destinationNodeName,
                         DWORD offlineFlags, PBYTE inBuffer,
                         DWORD inBufferSize, DWORD reserved) {
    return fromResid(resource)->offline();
}

void WINAPI KvTerminate(RESID resource) { fromResid(resource)->terminate(); }

BOOL WINAPI KvLooksAlive(RESID resource) {
    return fromResid(resource)->isAlive() ? TRUE : FALSE;
}

BOOL WINAPI KvIsAlive(RESID resource) {
    KvResource *kv = fromResid(resource);
    if (!kv->checkReplica()) {
        kv->reporter().log(LOG_WARNING, L"The replica does not answer.");
        return FALSE;
    }
    return TRUE;
}

DWORD WINAPI KvResourceControl(RESID resource, DWORD controlCode,
                               PVOID inBuffer, DWORD inBufferSize,
                               PVOID outBuffer, DWORD outBufferSize,
                               LPDWORD bytesReturned) {
    switch (controlCode) {
    case CLUSCTL_RESOURCE_SET_PRIVATE_PROPERTIES:
        // Bug: the RESID is not the resource handle.
        g_monitor.LogEvent(static_cast<RESOURCE_HANDLE>(resource),
                           LOG_INFORMATION, L"Properties changed.\n");
        return ERROR_SUCCESS;
    case CLUSCTL_RESOURCE_GET_CHARACTERISTICS:
        *bytesReturned = sizeof(DWORD);
        if (outBufferSize < sizeof(DWORD)) {
            return ERROR_MORE_DATA;
        }
        *static_cast<LPDWORD>(outBuffer) = 0;
        return ERROR_SUCCESS;
    default:
        fromResid(resource)->reporter().log(LOG_INFORMATION,
                                            L"Unknown control code.");
        return ERROR_INVALID_FUNCTION;
    }
}

DWORD WINAPI KvResourceTypeControl(LPCWSTR resourceTypeName,
                                   DWORD controlCode, PVOID inBuffer,
                                   DWORD inBufferSize, PVOID outBuffer,
                                   DWORD outBufferSize,
                                   LPDWORD bytesReturned) {
    if (controlCode == CLUSCTL_RESOURCE_TYPE_STARTING_PHASE2) {
        for (KvResource *resource : g_registry.snapshot()) {
            resource->reporter().log(LOG_INFORMATION, L"Phase 2.");
        }
        return ERROR_SUCCESS;
    }
    return ERROR_INVALID_FUNCTION;
}

} // namespace

extern "C" DWORD WINAPI StartupEx(
    LPCWSTR resourceType, DWORD minVersionSupported,
    DWORD maxVersionSupported,
    PCLRES_CALLBACK_FUNCTION_TABLE monitorCallbackFunctions,
    PCLRES_FUNCTION_TABLE *resourceDllInterfaceFunctions) {
    if (minVersionSupported > CLRES_VERSION_V2_00 ||
        maxVersionSupported < CLRES_VERSION_V2_00) {
        return ERROR_REVISION_MISMATCH;
    }
    g_monitor = *monitorCallbackFunctions;
    // Bug: there is no resource here; the handle cannot be nullptr.
    g_monitor.LogEvent(nullptr, LOG_INFORMATION, L"KV Store starting.\n");
    CLRES_V2_FUNCTION_TABLE_SET(g_functionTable, CLRES_VERSION_V2_00, Kv,
                                nullptr, nullptr, nullptr,
                                KvResourceTypeControl, KvLooksAlive,
                                KvIsAlive, nullptr);
    g_functionTable.V2Functions.ResourceControl = KvResourceControl;
    g_monitorThread.start();
    *resourceDllInterfaceFunctions = &g_functionTable;
    return ERROR_SUCCESS;
}
