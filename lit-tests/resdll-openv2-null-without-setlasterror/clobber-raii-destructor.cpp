// C++ RAII: destructors of locals run at the return, after SetLastError.
// A destructor of the DLL that closes a key or a handle may overwrite the
// last error, and so does a member's destructor run by an implicit
// destructor, unless the path shows it has nothing to close. Clean
// look-alikes: a destructor that calls no API, a temporary destroyed before
// SetLastError, and a guard whose scope closed before SetLastError.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <new>

class RegKey {
public:
    RegKey() = default;
    ~RegKey()
    {
        if (m_key != nullptr)
            RegCloseKey(m_key);
    }
    RegKey(const RegKey &) = delete;
    RegKey &operator=(const RegKey &) = delete;
    HKEY *put() { return &m_key; }
    HKEY get() const { return m_key; }

private:
    HKEY m_key = nullptr;
};

class Handle {
public:
    explicit Handle(HANDLE h) : m_h(h) {}
    ~Handle()
    {
        if (m_h != nullptr)
            CloseHandle(m_h);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    HANDLE get() const { return m_h; }

private:
    HANDLE m_h;
};

// Owns its handles through a member: its implicit destructor closes them.
struct OpenContext {
    Handle Event{CreateEventW(nullptr, TRUE, FALSE, nullptr)};
    DWORD Attempts = 0;
};

// A destructor that calls no API.
class Counter {
public:
    explicit Counter(LONG *c) : m_c(c) { ++*m_c; }
    ~Counter() { --*m_c; }

private:
    LONG *m_c;
};

struct Resource {
    RESOURCE_HANDLE Handle = nullptr;
    DWORD Port = 0;
};

static LONG g_Opening;
static CLRES_FUNCTION_TABLE g_FunctionTable;

// A key wrapper's destructor closes the key after SetLastError.
static RESID WINAPI KeyOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                              RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    Counter opening(&g_Opening);
    if (ResourceName == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    RegKey key;
    DWORD status = RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, key.put());
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'KeyOpenV2' returns NULL ('return nullptr'), but the last error set at line [[#@LINE-1]] may be overwritten by the destructor of 'RegKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'ResourceName == nullptr' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE+4]]:9: note: the destructor of 'RegKey' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-5]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE+2]]:9: note: the destructor of 'RegKey' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+117]]:9: note: 'KeyOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    }
    DWORD port = 0;
    status = ResUtilGetDwordValue(key.get(), L"Port", &port, 0);
    if (status == ERROR_SUCCESS && port == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        // CHECK-NEXT: :[[@LINE+9]]:9: warning: OpenV2 entry point 'KeyOpenV2' returns NULL ('return nullptr'), but the last error set at line [[#@LINE-1]] may be overwritten by the destructor of 'RegKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-22]]:9: note: 'ResourceName == nullptr' is false
        // CHECK-NEXT: :[[@LINE-17]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'status == ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE-6]]:36: note: 'port == 0' is true
        // CHECK-NEXT: :[[@LINE+4]]:9: note: the destructor of 'RegKey' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-7]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE+2]]:9: note: the destructor of 'RegKey' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+102]]:9: note: 'KeyOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    }
    Resource *resource = new (std::nothrow) Resource();
    if (resource == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        // CHECK-NEXT: :[[@LINE+9]]:9: warning: OpenV2 entry point 'KeyOpenV2' returns NULL ('return nullptr'), but the last error set at line [[#@LINE-1]] may be overwritten by the destructor of 'RegKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-36]]:9: note: 'ResourceName == nullptr' is false
        // CHECK-NEXT: :[[@LINE-31]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-19]]:9: note: 'status == ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'resource == nullptr' is true
        // CHECK-NEXT: :[[@LINE+4]]:9: note: the destructor of 'RegKey' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-7]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE+2]]:9: note: the destructor of 'RegKey' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+88]]:9: note: 'KeyOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    }
    resource->Port = port;
    return resource;
}

// A member's destructor, run by OpenContext's implicit destructor, closes
// the event only when it was created.
static RESID WINAPI ContextOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                  RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    OpenContext context;
    if (context.Event.get() == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    if (OpenFlags != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        // CHECK-NEXT: :[[@LINE+7]]:9: warning: OpenV2 entry point 'ContextOpenV2' returns NULL ('return nullptr'), but the last error set at line [[#@LINE-1]] may be overwritten by the destructor of 'OpenContext' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'context.Event.get() == nullptr' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE+4]]:9: note: the destructor of 'OpenContext' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-5]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE+2]]:9: note: the destructor of 'OpenContext' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+66]]:9: note: 'ContextOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    }
    Resource *resource = new (std::nothrow) Resource();
    if (resource != nullptr)
        resource->Handle = ResourceHandle;
    else
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    // CHECK-NEXT: :[[@LINE+8]]:5: warning: OpenV2 entry point 'ContextOpenV2' returns NULL ('return resource'), but the last error set at line [[#@LINE-1]] may be overwritten by the destructor of 'OpenContext' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-21]]:9: note: 'context.Event.get() == nullptr' is false
    // CHECK-NEXT: :[[@LINE-18]]:9: note: 'OpenFlags != 0' is false
    // CHECK-NEXT: :[[@LINE-7]]:9: note: 'resource != nullptr' is false
    // CHECK-NEXT: :[[@LINE+4]]:5: note: the destructor of 'OpenContext' may overwrite the last error
    // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
    // CHECK-NEXT: :[[@LINE+2]]:5: note: the destructor of 'OpenContext' may overwrite the last error here
    // CHECK-NEXT: :[[@LINE+51]]:9: note: 'ContextOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
    return resource;
}

// A temporary's destructor runs at the end of its full expression, before
// the SetLastError that follows.
static RESID WINAPI TemporaryOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                    RESOURCE_HANDLE ResourceHandle,
                                    DWORD OpenFlags)
{
    if (Handle(CreateEventW(nullptr, TRUE, FALSE, nullptr)).get() == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    return static_cast<RESID>(ResourceHandle);
}

static RESID WINAPI ScopedOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                 RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status;
    DWORD port = 0;
    {
        RegKey key;
        status = RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, key.put());
        if (status == ERROR_SUCCESS)
            status = ResUtilGetDwordValue(key.get(), L"Port", &port, 0);
    }
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return nullptr;
    }
    Resource *resource = new (std::nothrow) Resource();
    if (resource == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    resource->Port = port;
    return resource;
}

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    switch (ResourceType[0]) {
    case L'K':
        g_FunctionTable.V2Functions.Open = KeyOpenV2;
        break;
    case L'C':
        g_FunctionTable.V2Functions.Open = ContextOpenV2;
        break;
    case L'T':
        g_FunctionTable.V2Functions.Open = TemporaryOpenV2;
        break;
    default:
        g_FunctionTable.V2Functions.Open = ScopedOpenV2;
        break;
    }
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 5 findings in 1 file
