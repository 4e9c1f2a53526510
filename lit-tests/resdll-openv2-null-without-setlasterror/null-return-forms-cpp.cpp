// The C++ ways to write a null RESID: nullptr, NULL, static_cast and
// reinterpret_cast of those, a value-initialised RESID, and a pointer that
// is null on the path. Each buggy return has a clean twin.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <new>

struct FormsResource {
    RESOURCE_HANDLE Handle = nullptr;
    HKEY Parameters = nullptr;
};

static CLRES_FUNCTION_TABLE g_FunctionTable;

static RESID WINAPI FormsOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    switch (OpenFlags) {
    case 1:
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 1:' is taken
        // CHECK-NEXT: :[[@LINE+74]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return nullptr;
    case 2:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return static_cast<RESID>(nullptr)') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 2:' is taken
        // CHECK-NEXT: :[[@LINE+69]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return static_cast<RESID>(nullptr);
    case 3:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return reinterpret_cast<RESID>(0)') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 3:' is taken
        // CHECK-NEXT: :[[@LINE+64]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return reinterpret_cast<RESID>(0);
    case 4:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return RESID()') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 4:' is taken
        // CHECK-NEXT: :[[@LINE+59]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return RESID();
    case 5:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return RESID{}') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 5:' is taken
        // CHECK-NEXT: :[[@LINE+54]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return RESID{};
    case 11:
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    case 12:
        SetLastError(ERROR_INVALID_PARAMETER);
        return static_cast<RESID>(nullptr);
    case 13:
        SetLastError(ERROR_INVALID_PARAMETER);
        return reinterpret_cast<RESID>(0);
    case 14:
        SetLastError(ERROR_INVALID_PARAMETER);
        return RESID();
    default:
        break;
    }

    FormsResource *resource = new (std::nothrow) FormsResource();
    if (resource == nullptr) {
        // CHECK-NEXT: :[[@LINE+4]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return static_cast<RESID>(resource)') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-7]]:5: note: 'default:' is taken
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'resource == nullptr' is true
        // CHECK-NEXT: :[[@LINE+31]]:9: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return static_cast<RESID>(resource);
    }
    resource->Handle = ResourceHandle;
    resource->Parameters = ResourceKey;
    return static_cast<RESID>(resource);
}

static RESID WINAPI FormsCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                     RESOURCE_HANDLE ResourceHandle,
                                     DWORD OpenFlags)
{
    FormsResource *resource = new (std::nothrow) FormsResource();
    if (!resource) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return static_cast<RESID>(resource);
    }
    resource->Handle = ResourceHandle;
    return reinterpret_cast<RESID>(resource);
}

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    if (MaxVersionSupported > CLRES_VERSION_V2_00)
        g_FunctionTable.V2Functions.Open = FormsCleanOpenV2;
    else
        g_FunctionTable.V2Functions.Open = FormsOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 6 findings in 1 file
