// C++ exceptions: a path leaves a throwing 'new' or a standard-library call
// inside a try block for the handler that catches std::bad_alloc, in the
// state before the call. A handler that returns NULL without SetLastError
// is a finding on that path. Clean look-alikes: a handler that sets the
// error, SetLastError before the throwing call, 'new (std::nothrow)', a
// handler of another exception type, the Windows API and the DLL's own
// functions in the try block (not taken to throw), and a noexcept call.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

struct ExResource {
    RESOURCE_HANDLE Handle = nullptr;
    std::wstring Name;
    std::vector<DWORD> Ports;
};

struct ExPlain {
    RESOURCE_HANDLE Handle;
    DWORD Port;
};

class ExConfigError {};

static CLRES_FUNCTION_TABLE g_AllocTable, g_NameTable, g_NestedTable,
    g_CleanTable, g_OrderTable, g_HelperTable;

// 'new' throws std::bad_alloc into a handler that returns NULL.
static RESID WINAPI ExAllocOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                  RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceName == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    try {
        ExPlain *resource = new ExPlain{ResourceHandle, 0};
        return resource;
    } catch (const std::bad_alloc &) {
        // CHECK: :[[@LINE+5]]:9: warning: OpenV2 entry point 'ExAllocOpenV2' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'ResourceName == nullptr' is false
        // CHECK-NEXT: :[[@LINE-5]]:29: note: 'new ExPlain' may throw std::bad_alloc
        // CHECK-NEXT: :[[@LINE-4]]:7: note: caught by 'catch (const std::bad_alloc &)'
        // CHECK-NEXT: :[[@LINE+145]]:5: note: 'ExAllocOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_AllocTable.V2Functions.Open'
        return nullptr;
    }
}

// A standard-library call throws std::bad_alloc into catch (...), and the
// handler frees what the path allocated before it returns NULL.
static RESID WINAPI ExNameOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                 RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    ExResource *resource = new (std::nothrow) ExResource();
    if (resource == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    try {
        resource->Ports.push_back(OpenFlags);
    } catch (...) {
        delete resource;
        // CHECK-NEXT: :[[@LINE+5]]:9: warning: OpenV2 entry point 'ExNameOpenV2' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'resource == nullptr' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'push_back' may throw std::bad_alloc
        // CHECK-NEXT: :[[@LINE-5]]:7: note: caught by 'catch (...)'
        // CHECK-NEXT: :[[@LINE+123]]:5: note: 'ExNameOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_NameTable.V2Functions.Open'
        return nullptr;
    }
    resource->Handle = ResourceHandle;
    return resource;
}

// The inner handler is for another type: the outer one catches.
static RESID WINAPI ExNestedOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    try {
        try {
            std::wstring name(ResourceName);
            if (name.empty())
                throw ExConfigError();
        } catch (const ExConfigError &) {
            SetLastError(ERROR_BAD_CONFIGURATION);
            return nullptr;
        }
    } catch (const std::exception &) {
        // CHECK-NEXT: :[[@LINE+4]]:9: warning: OpenV2 entry point 'ExNestedOpenV2' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:26: note: constructing 'std::wstring' may throw std::bad_alloc
        // CHECK-NEXT: :[[@LINE-3]]:7: note: caught by 'catch (const std::exception &)'
        // CHECK-NEXT: :[[@LINE+100]]:5: note: 'ExNestedOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_NestedTable.V2Functions.Open'
        return nullptr;
    }
    return new (std::nothrow) ExPlain{ResourceHandle, 0};
}

// Clean: every handler that returns NULL has the error set.
static RESID WINAPI ExCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                  RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    ExResource *resource = nullptr;
    try {
        resource = new ExResource();
        resource->Name = ResourceName;
    } catch (const std::bad_alloc &) {
        delete resource;
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    // Set before the throwing call: still set in the handler.
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    try {
        resource->Ports.reserve(4);
    } catch (...) {
        delete resource;
        return nullptr;
    }
    // Nothing here throws: nothrow new, the Windows API, a noexcept call.
    try {
        ExPlain *plain = new (std::nothrow) ExPlain{ResourceHandle, 0};
        if (plain == nullptr || resource->Name.size() == 0 ||
            RegQueryValueExW(ResourceKey, L"Port", nullptr, nullptr, nullptr,
                             nullptr) != ERROR_SUCCESS) {
            delete plain;
            delete resource;
            SetLastError(ERROR_INVALID_DATA);
            return nullptr;
        }
        delete plain;
    } catch (...) {
        delete resource;
        return nullptr;
    }
    resource->Handle = ResourceHandle;
    return resource;
}

// Clean: the handler that returns NULL without SetLastError is for another
// type than what the try block may throw, and the one after it sets it.
static RESID WINAPI ExOrderOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                  RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    try {
        return new ExResource{ResourceHandle, ResourceName, {}};
    } catch (const std::out_of_range &) {
        return nullptr;
    } catch (const std::bad_alloc &) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
}

static void ExThrowIfFailed(LSTATUS status)
{
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        throw ExConfigError();
    }
}

static DWORD ExReadPort(HKEY key)
{
    DWORD port = 0, size = sizeof(port);
    ExThrowIfFailed(RegQueryValueExW(key, L"Port", nullptr, nullptr,
                                     reinterpret_cast<LPBYTE>(&port), &size));
    return port;
}

// Clean: a function of the DLL is not taken to throw (its throw sets the
// error first), nor is the Windows API.
static RESID WINAPI ExHelperOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD port = 0;
    try {
        port = ExReadPort(ResourceKey);
        CloseHandle(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    } catch (...) {
        return nullptr;
    }
    return new (std::nothrow) ExPlain{ResourceHandle, port};
}

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_AllocTable.V2Functions.Open = ExAllocOpenV2;
    g_NameTable.V2Functions.Open = ExNameOpenV2;
    g_NestedTable.V2Functions.Open = ExNestedOpenV2;
    g_CleanTable.V2Functions.Open = ExCleanOpenV2;
    g_OrderTable.V2Functions.Open = ExOrderOpenV2;
    g_HelperTable.V2Functions.Open = ExHelperOpenV2;
    switch (ResourceType[0]) {
    case L'A': *ResourceDllInterfaceFunctions = &g_AllocTable; break;
    case L'N': *ResourceDllInterfaceFunctions = &g_NameTable; break;
    case L'E': *ResourceDllInterfaceFunctions = &g_NestedTable; break;
    case L'O': *ResourceDllInterfaceFunctions = &g_OrderTable; break;
    case L'H': *ResourceDllInterfaceFunctions = &g_HelperTable; break;
    default: *ResourceDllInterfaceFunctions = &g_CleanTable; break;
    }
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 3 findings in 1 file
