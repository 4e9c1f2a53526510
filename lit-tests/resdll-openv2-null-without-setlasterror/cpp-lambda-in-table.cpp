// Lambdas as entry points: a captureless lambda converts to
// POPEN_V2_ROUTINE, in an aggregate initialiser of CLRES_V2_FUNCTIONS, in a
// member assignment, and through a variable holding the lambda. Each is
// checked like a named OpenV2; a lambda helper that sets the error is
// summarised like any function of the DLL.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static const CLRES_V2_FUNCTIONS g_Functions = {
    [](LPCWSTR ResourceName, HKEY ResourceKey, RESOURCE_HANDLE ResourceHandle,
       DWORD OpenFlags) -> RESID {
        if (ResourceKey == nullptr)
            // CHECK: :[[@LINE+3]]:13: warning: OpenV2 entry point 'lambda' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
            // CHECK-NEXT: :[[@LINE-2]]:13: note: 'ResourceKey == nullptr' is true
            // CHECK-NEXT: :[[@LINE-5]]:5: note: 'lambda' is registered as the OpenV2 entry point in the initialiser of 'g_Functions.Open'
            return nullptr;
        return static_cast<RESID>(ResourceHandle);
    },
};

static CLRES_FUNCTION_TABLE g_Table, g_OtherTable;

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Table.TableSize = g_OtherTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_Table.Version = g_OtherTable.Version = CLRES_VERSION_V2_00;
    if (ResourceType[0] == L'A') {
        g_Table.V2Functions = g_Functions;
        *ResourceDllInterfaceFunctions = &g_Table;
        return ERROR_SUCCESS;
    }
    if (ResourceType[0] == L'B') {
        g_Table.V2Functions.Open = [](LPCWSTR ResourceName, HKEY ResourceKey,
                                      RESOURCE_HANDLE ResourceHandle,
                                      DWORD OpenFlags) -> RESID {
            auto fail = [](DWORD status) -> RESID {
                SetLastError(status);
                return nullptr;
            };
            if (ResourceKey == nullptr)
                return fail(ERROR_INVALID_PARAMETER);
            if (OpenFlags != 0)
                // CHECK-NEXT: :[[@LINE+4]]:17: warning: OpenV2 entry point 'lambda' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
                // CHECK-NEXT: :[[@LINE-4]]:17: note: 'ResourceKey == nullptr' is false
                // CHECK-NEXT: :[[@LINE-3]]:17: note: 'OpenFlags != 0' is true
                // CHECK-NEXT: :[[@LINE-13]]:9: note: 'lambda' is registered as the OpenV2 entry point by the assignment to 'g_Table.V2Functions.Open'
                return nullptr;
            return static_cast<RESID>(ResourceHandle);
        };
        *ResourceDllInterfaceFunctions = &g_Table;
        return ERROR_SUCCESS;
    }
    auto open = [](LPCWSTR ResourceName, HKEY ResourceKey,
                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags) -> RESID {
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'lambda' returns NULL ('return OpenFlags == 0 ? static_cast<RESID>(ResourceHandle...') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE+2]]:16: note: 'OpenFlags == 0' is false
        // CHECK-NEXT: :[[@LINE+3]]:5: note: 'lambda' is registered as the OpenV2 entry point by the assignment to 'g_OtherTable.V2Functions.Open'
        return OpenFlags == 0 ? static_cast<RESID>(ResourceHandle) : nullptr;
    };
    g_OtherTable.V2Functions.Open = open;
    *ResourceDllInterfaceFunctions = &g_OtherTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 3 findings in 1 file
