// SetLastError with a zero value before returning NULL is a finding of its
// own: SetLastError(ERROR_SUCCESS), SetLastError(NO_ERROR), SetLastError(0),
// and SetLastError(status) where status is zero on that path. A status that
// is nonzero on the path, or not known, counts as set.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DHCP_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD Scope;
} DHCP_RESOURCE, *PDHCP_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DhcpOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDHCP_RESOURCE dhcp = NULL;
    DWORD status = ERROR_SUCCESS;
    DWORD scope = 0;

    if (ResourceName == NULL) {
        SetLastError(ERROR_SUCCESS);
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'DhcpOpenV2' returns NULL ('return NULL') after SetLastError sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'ResourceName == NULL' is true
        // CHECK-NEXT: :[[@LINE-3]]:9: note: the last error is set to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+54]]:5: note: 'DhcpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (ResourceKey == NULL) {
        SetLastError(NO_ERROR);
        // CHECK-NEXT: :[[@LINE+5]]:9: warning: OpenV2 entry point 'DhcpOpenV2' returns NULL ('return NULL') after SetLastError sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'ResourceName == NULL' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: the last error is set to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+45]]:5: note: 'DhcpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE) {
        SetLastError(0);
        // CHECK-NEXT: :[[@LINE+6]]:9: warning: OpenV2 entry point 'DhcpOpenV2' returns NULL ('return NULL') after SetLastError sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-20]]:9: note: 'ResourceName == NULL' is false
        // CHECK-NEXT: :[[@LINE-13]]:9: note: 'ResourceKey == NULL' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE' is true
        // CHECK-NEXT: :[[@LINE-5]]:9: note: the last error is set to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+35]]:5: note: 'DhcpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    status = ResUtilGetDwordValue(ResourceKey, L"Scope", &scope, 0);
    if (status != ERROR_SUCCESS)
        goto done;
    if (scope == 0)
        goto done; // status is ERROR_SUCCESS here
    dhcp = (PDHCP_RESOURCE)LocalAlloc(LPTR, sizeof(*dhcp));
    if (dhcp == NULL) {
        status = GetLastError();
        goto done;
    }
    dhcp->Handle = ResourceHandle;
    dhcp->Scope = scope;
done:
    if (dhcp == NULL)
        SetLastError(status);
    // CHECK-NEXT: :[[@LINE+9]]:5: warning: OpenV2 entry point 'DhcpOpenV2' returns NULL ('return (RESID)dhcp') after SetLastError sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-43]]:9: note: 'ResourceName == NULL' is false
    // CHECK-NEXT: :[[@LINE-36]]:9: note: 'ResourceKey == NULL' is false
    // CHECK-NEXT: :[[@LINE-28]]:9: note: 'OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE' is false
    // CHECK-NEXT: :[[@LINE-18]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE-17]]:9: note: 'scope == 0' is true
    // CHECK-NEXT: :[[@LINE-8]]:9: note: 'dhcp == NULL' is true
    // CHECK-NEXT: :[[@LINE-8]]:9: note: the last error is set to ERROR_SUCCESS here
    // CHECK-NEXT: :[[@LINE+9]]:5: note: 'DhcpOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
    return (RESID)dhcp;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = DhcpOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 4 findings in 1 file
