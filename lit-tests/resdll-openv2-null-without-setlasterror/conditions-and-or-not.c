// Branch conditions combined with &&, || and !, and a boolean kept in a
// variable: the path's facts follow each operand, so the returns below are
// reported only where the resource really is null without an error, and a
// ternary picks the same arm as the branch that set the status.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct VM_RESOURCE {
    RESOURCE_HANDLE Handle;
    LPWSTR VmName;
    DWORD Generation;
} VM_RESOURCE, *PVM_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable, g_CleanTable;

RESID WINAPI VmOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVM_RESOURCE vm = NULL;
    BOOL valid;

    if (ResourceName == NULL || ResourceKey == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    vm = (PVM_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*vm));
    valid = vm != NULL && OpenFlags == 0;
    if (!valid) {
        // Bug when vm is NULL: HeapAlloc does not set the last error.
        if (vm != NULL) {
            HeapFree(GetProcessHeap(), 0, vm);
            SetLastError(ERROR_INVALID_PARAMETER);
        }
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'VmOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-13]]:9: note: 'ResourceName == NULL' is false
        // CHECK-NEXT: :[[@LINE-14]]:33: note: 'ResourceKey == NULL' is false
        // CHECK-NEXT: :[[@LINE-10]]:13: note: 'vm != NULL' is false
        // CHECK-NEXT: :[[@LINE-10]]:9: note: '!valid' is true
        // CHECK-NEXT: :[[@LINE-9]]:13: note: 'vm != NULL' is false
        // CHECK-NEXT: :[[@LINE+47]]:5: note: 'VmOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    vm->VmName = ResUtilGetSzValue(ResourceKey, L"VmName");
    if (!(vm->VmName != NULL && vm->VmName[0] != L'\0')) {
        // Bugs: HeapFree may overwrite what a failed ResUtilGetSzValue set,
        // and an empty name leaves no error at all. Reported once, with the
        // first of the two paths.
        HeapFree(GetProcessHeap(), 0, vm);
        // CHECK-NEXT: :[[@LINE+11]]:9: warning: OpenV2 entry point 'VmOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-6]] may be overwritten by 'HeapFree' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-28]]:9: note: 'ResourceName == NULL' is false
        // CHECK-NEXT: :[[@LINE-29]]:33: note: 'ResourceKey == NULL' is false
        // CHECK-NEXT: :[[@LINE-25]]:13: note: 'vm != NULL' is true
        // CHECK-NEXT: :[[@LINE-25]]:9: note: '!valid' is false
        // CHECK-NEXT: :[[@LINE-10]]:11: note: 'vm->VmName != NULL' is false
        // CHECK-NEXT: :[[@LINE-11]]:9: note: '!(vm->VmName != NULL && vm->VmName[0] != L'\0')' is true
        // CHECK-NEXT: :[[@LINE-8]]:9: note: 'HeapFree' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-14]]:18: note: 'ResUtilGetSzValue' sets the last error here
        // CHECK-NEXT: :[[@LINE-10]]:9: note: 'HeapFree' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+28]]:5: note: 'VmOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    vm->Handle = ResourceHandle;
    return (RESID)vm;
}

RESID WINAPI VmCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                           RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVM_RESOURCE vm = NULL;
    DWORD status = ERROR_SUCCESS;

    if (!ResourceName || !ResourceKey)
        status = ERROR_INVALID_PARAMETER;
    if (status == ERROR_SUCCESS && !(vm = (PVM_RESOURCE)HeapAlloc(GetProcessHeap(), 0,
                                                                   sizeof(*vm))))
        status = ERROR_NOT_ENOUGH_MEMORY;
    if (status != ERROR_SUCCESS)
        SetLastError(status);
    return status == ERROR_SUCCESS ? (RESID)vm : NULL;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = VmOpenV2;
    g_CleanTable.V2Functions.Open = VmCleanOpenV2;
    *ResourceDllInterfaceFunctions =
        ResourceType[0] == L'C' ? &g_CleanTable : &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
