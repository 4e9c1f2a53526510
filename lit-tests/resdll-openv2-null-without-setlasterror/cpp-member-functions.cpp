// A C++ resource DLL organised as a class: OpenV2 is a static member
// function that creates the object and calls member functions. A member
// function that sets the last error exactly when it returns false is
// summarised like a free function (its 'this' fields included); one that
// returns false without setting it makes the caller's NULL return a
// finding.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <new>

class WebResource {
public:
    static RESID WINAPI Open(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags);

private:
    explicit WebResource(RESOURCE_HANDLE Handle) : m_handle(Handle) {}
    bool ReadConfiguration(HKEY Key);
    bool Validate() const;
    bool HasPort() const { return m_port != 0; }

    RESOURCE_HANDLE m_handle;
    DWORD m_port = 0;
    DWORD m_threads = 0;
};

bool WebResource::ReadConfiguration(HKEY Key)
{
    DWORD status = ResUtilGetDwordValue(Key, L"Port", &m_port, 80);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return false;
    }
    status = ResUtilGetDwordValue(Key, L"Threads", &m_threads, 4);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return false;
    }
    return true;
}

bool WebResource::Validate() const
{
    // Bug: no SetLastError on the false path.
    return m_threads != 0 && m_threads <= 64;
}

RESID WINAPI WebResource::Open(LPCWSTR ResourceName, HKEY ResourceKey,
                               RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    WebResource *web = new (std::nothrow) WebResource(ResourceHandle);
    if (web == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    if (!web->ReadConfiguration(ResourceKey)) {
        delete web;
        return nullptr;
    }
    if (!web->Validate()) {
        delete web;
        // CHECK: :[[@LINE+5]]:9: warning: OpenV2 entry point 'WebResource::Open' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'web == nullptr' is false
        // CHECK-NEXT: :[[@LINE-8]]:9: note: '!web->ReadConfiguration(ResourceKey)' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: '!web->Validate()' is true
        // CHECK-NEXT: :[[@LINE+20]]:5: note: 'WebResource::Open' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    }
    if (!web->HasPort()) {
        delete web;
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    return web;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = &WebResource::Open;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
