// SetLastError, then LocalFree of the half-built resource before the
// return: LocalFree may overwrite the last error. Freeing first and setting
// the error last is clean, and so is a free that only runs on the success
// path.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct NAME_RESOURCE {
    RESOURCE_HANDLE Handle;
    LPWSTR NetworkName;
    LPWSTR Comment;
} NAME_RESOURCE, *PNAME_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI NameOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PNAME_RESOURCE name;
    LPWSTR scratch;

    name = (PNAME_RESOURCE)LocalAlloc(LPTR, sizeof(*name));
    if (name == NULL)
        return NULL;
    name->NetworkName = ResUtilGetSzValue(ResourceKey, L"Name");
    if (name->NetworkName == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        LocalFree(name);
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'NameOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'LocalFree' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'name == NULL' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'name->NetworkName == NULL' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'LocalFree' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'LocalFree' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+22]]:5: note: 'NameOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    name->Comment = ResUtilGetSzValue(ResourceKey, L"Comment");
    if (name->Comment == NULL) {
        LocalFree(name->NetworkName);
        LocalFree(name);
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    scratch = ResUtilDupString(name->NetworkName);
    if (scratch != NULL)
        LocalFree(scratch);
    name->Handle = ResourceHandle;
    return (RESID)name;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = NameOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
