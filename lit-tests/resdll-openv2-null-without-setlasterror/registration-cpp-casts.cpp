// C++ registrations through casts: static_cast and a functional cast to
// POPEN_V2_ROUTINE kept in a lookup table, reinterpret_cast of
// a routine declared with other parameter types, and a static member
// function of a resource class.
// RUN: not %resdll-check --checks=-*,resdll-openv2-null-without-setlasterror %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

namespace cluster {

class Resource {
public:
    static RESID WINAPI Open(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
    {
        if (ResourceKey == nullptr)
            // CHECK: :[[@LINE+3]]:13: warning: OpenV2 entry point 'cluster::Resource::Open' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
            // CHECK-NEXT: :[[@LINE-2]]:13: note: 'ResourceKey == nullptr' is true
            // CHECK-NEXT: :[[@LINE+33]]:43: note: 'cluster::Resource::Open' is registered as the OpenV2 entry point by its cast to POPEN_V2_ROUTINE
            return nullptr;
        return static_cast<RESID>(ResourceHandle);
    }
};

RESID WINAPI StaticCastOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                              RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'cluster::StaticCastOpenV2' returns NULL ('return ResourceName ? static_cast<RESID>(ResourceHandle) ...') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName' is false
    // CHECK-NEXT: :[[@LINE+21]]:43: note: 'cluster::StaticCastOpenV2' is registered as the OpenV2 entry point by its cast to POPEN_V2_ROUTINE
    return ResourceName ? static_cast<RESID>(ResourceHandle) : nullptr;
}

void *WINAPI LooseOpen(const wchar_t *ResourceName, void *ResourceKey,
                       void *ResourceHandle, unsigned long OpenFlags)
{
    if (OpenFlags != 0)
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'cluster::LooseOpen' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE+25]]:29: note: 'cluster::LooseOpen' is registered as the OpenV2 entry point by its cast to POPEN_V2_ROUTINE
        return nullptr;
    return ResourceHandle;
}

struct Entry {
    const wchar_t *Type;
    void *Open;
};

const Entry g_Entries[] = {
    { L"Static", reinterpret_cast<void *>(static_cast<POPEN_V2_ROUTINE>(StaticCastOpenV2)) },
    { L"Member", reinterpret_cast<void *>(POPEN_V2_ROUTINE(&Resource::Open)) },
};

CLRES_FUNCTION_TABLE g_FunctionTable;

} // namespace cluster

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    using namespace cluster;
    POPEN_V2_ROUTINE open = reinterpret_cast<POPEN_V2_ROUTINE>(LooseOpen);
    for (const Entry &entry : g_Entries)
        if (lstrcmpiW(entry.Type, ResourceType) == 0)
            open = reinterpret_cast<POPEN_V2_ROUTINE>(entry.Open);
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = open;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 3 findings in 1 file
