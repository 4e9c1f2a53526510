// The returned value chosen by ?: on a status: the null arm is reported
// only on the paths that reach it without an error set, with the condition
// in the path; returning through ?: after SetLastError on the same status
// is clean.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable, g_CleanTable;

static PVOID PoolAllocate(SIZE_T Size)
{
    return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, Size);
}

RESID WINAPI PoolOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOID pool = PoolAllocate(256);
    DWORD status = pool != NULL ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;

    // CHECK: :[[@LINE+4]]:5: warning: OpenV2 entry point 'PoolOpenV2' returns NULL ('return status == ERROR_SUCCESS ? (RESID)pool : NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-3]]:20: note: 'pool != NULL' is false
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'status == ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE+20]]:5: note: 'PoolOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
    return status == ERROR_SUCCESS ? (RESID)pool : NULL;
}

RESID WINAPI PoolCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOID pool = PoolAllocate(256);
    DWORD status = pool ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;

    if (status != ERROR_SUCCESS)
        SetLastError(status);
    return status == ERROR_SUCCESS ? (RESID)pool : NULL;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = PoolOpenV2;
    g_CleanTable.V2Functions.Open = PoolCleanOpenV2;
    *ResourceDllInterfaceFunctions =
        ResourceType[0] == L'C' ? &g_CleanTable : &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
