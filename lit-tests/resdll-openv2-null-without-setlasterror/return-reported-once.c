// One return reached by many bad paths is reported once, with one of the
// paths; a second return in the same function is reported separately.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI CacheOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD size = 0, ways = 0, line = 0;
    PVOID cache = NULL;

    if (ResUtilGetDwordValue(ResourceKey, L"Size", &size, 0) != ERROR_SUCCESS)
        goto fail;
    if (ResUtilGetDwordValue(ResourceKey, L"Ways", &ways, 0) != ERROR_SUCCESS)
        goto fail;
    if (ResUtilGetDwordValue(ResourceKey, L"Line", &line, 0) != ERROR_SUCCESS)
        goto fail;
    cache = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
    if (cache == NULL)
        goto fail;
    if (ways == 0)
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'CacheOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Size", &size, 0) != E...' is false
        // CHECK-NEXT: :[[@LINE-10]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Ways", &ways, 0) != E...' is false
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Line", &line, 0) != E...' is false
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'cache == NULL' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'ways == 0' is true
        // CHECK-NEXT: :[[@LINE+16]]:5: note: 'CacheOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return (RESID)cache;

fail:
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'CacheOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-22]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Size", &size, 0) != E...' is true
    // CHECK-NEXT: :[[@LINE+9]]:5: note: 'CacheOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
    return NULL;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = CacheOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
