// A helper that sets the last error exactly on the paths where it returns
// FALSE: `if (!Helper()) return NULL;` is clean, because the summary of the
// helper relates its result to what it did to the last error. A look-alike
// helper that also fails without setting it is reported at the caller's
// return, and so is a caller that tests the wrong result.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct IP_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD Address;
    DWORD SubnetMask;
} IP_RESOURCE, *PIP_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

// FALSE, with the last error set, when a value is missing or invalid.
static BOOL IpReadParameters(HKEY Key, PIP_RESOURCE Ip)
{
    DWORD status;

    status = ResUtilGetDwordValue(Key, L"Address", &Ip->Address, 0);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return FALSE;
    }
    status = ResUtilGetDwordValue(Key, L"SubnetMask", &Ip->SubnetMask, 0);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return FALSE;
    }
    if (Ip->Address == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

// Also FALSE when the mask is zero, but without setting the last error.
static BOOL IpCheckMask(PIP_RESOURCE Ip)
{
    if (Ip->SubnetMask == 0)
        return FALSE;
    if (Ip->SubnetMask == 0xFFFFFFFF) {
        SetLastError(ERROR_INVALID_NETNAME);
        return FALSE;
    }
    return TRUE;
}

// ERROR_SUCCESS, or an error that it also set as the last error.
static DWORD IpValidateName(LPCWSTR Name)
{
    if (Name == NULL || Name[0] == L'\0') {
        SetLastError(ERROR_INVALID_NAME);
        return ERROR_INVALID_NAME;
    }
    return ERROR_SUCCESS;
}

RESID WINAPI IpOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PIP_RESOURCE ip;

    if (IpValidateName(ResourceName) != ERROR_SUCCESS)
        return NULL;
    ip = (PIP_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ip));
    if (ip == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    ip->Handle = ResourceHandle;
    if (!IpReadParameters(ResourceKey, ip))
        return NULL; // leaks ip, but the last error is right
    if (!IpCheckMask(ip))
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'IpOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-12]]:9: note: 'IpValidateName(ResourceName) != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-10]]:9: note: 'ip == NULL' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: '!IpReadParameters(ResourceKey, ip)' is false
        // CHECK-NEXT: :[[@LINE-5]]:10: note: 'IpCheckMask' may return without setting the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: '!IpCheckMask(ip)' is true
        // CHECK-NEXT: :[[@LINE+19]]:5: note: 'IpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    if (IpReadParameters(ResourceKey, ip))
        // CHECK-NEXT: :[[@LINE+7]]:9: warning: OpenV2 entry point 'IpOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-21]]:9: note: 'IpValidateName(ResourceName) != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-19]]:9: note: 'ip == NULL' is false
        // CHECK-NEXT: :[[@LINE-15]]:9: note: '!IpReadParameters(ResourceKey, ip)' is false
        // CHECK-NEXT: :[[@LINE-14]]:9: note: '!IpCheckMask(ip)' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'IpReadParameters(ResourceKey, ip)' is true
        // CHECK-NEXT: :[[@LINE+10]]:5: note: 'IpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL; // tests the success result
    return (RESID)ip;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = IpOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
