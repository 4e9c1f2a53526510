// RtlSetLastWin32Error (ntdll) sets the thread's last error like
// SetLastError: a nonzero value before the NULL return is clean, zero is a
// finding. The mingw-w64 headers do not declare it; DLLs that use it declare
// it themselves, as here.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

DECLSPEC_IMPORT VOID NTAPI RtlSetLastWin32Error(LONG Win32Error);

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI NtOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOID context;

    if (ResourceName == NULL) {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    context = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, 64);
    if (context == NULL) {
        RtlSetLastWin32Error(ERROR_SUCCESS);
        // CHECK: :[[@LINE+5]]:9: warning: OpenV2 entry point 'NtOpenV2' returns NULL ('return NULL') after RtlSetLastWin32Error sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-8]]:9: note: 'ResourceName == NULL' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'context == NULL' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: the last error is set to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+11]]:5: note: 'NtOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    return (RESID)context;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = NtOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
