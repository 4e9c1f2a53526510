// Extending the API model from the settings file: a function of the
// product's own library declared as setting the last error when it returns
// NULL is accepted like LocalAlloc, and one declared as overwriting it
// clobbers like LocalFree. Without the settings, the first failure is a
// finding and the second call is unknown (harmless).
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %resdll-check --config-file=%S/Inputs/api-model-extension/resdll.yaml %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

PVOID PoolAllocateResource(SIZE_T Size);
VOID PoolReleaseResource(PVOID Resource);

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI PoolOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOID resource = PoolAllocateResource(128);

    if (resource == NULL)
        // DEFAULT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'PoolOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // DEFAULT-NEXT: :[[@LINE-2]]:9: note: 'resource == NULL' is true
        // DEFAULT-NEXT: :[[@LINE+22]]:5: note: 'PoolOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    if (OpenFlags != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        PoolReleaseResource(resource);
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'PoolOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'PoolReleaseResource' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'resource == NULL' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'PoolReleaseResource' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'PoolReleaseResource' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+11]]:5: note: 'PoolOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    return (RESID)resource;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = PoolOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// DEFAULT-NEXT: 1 finding in 1 file
// CHECK-NEXT: 1 finding in 1 file
