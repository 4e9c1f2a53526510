// A helper that passes its status straight to SetLastError: called with
// ERROR_SUCCESS (or a status variable that is zero on the path) it sets the
// last error to zero, which is reported with the helper call as the place
// the last error was set. Called with a failure status it is clean.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

static void GenFailOpen(DWORD Status)
{
    SetLastError(Status);
}

RESID WINAPI GenOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    DWORD timeout = 0;

    if (OpenFlags & CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE) {
        GenFailOpen(ERROR_SUCCESS);
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'GenOpenV2' returns NULL ('return NULL') after 'GenFailOpen' sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'OpenFlags & CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE' is true
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'GenFailOpen' sets the last error to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+27]]:5: note: 'GenOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    status = ResUtilGetDwordValue(ResourceKey, L"Timeout", &timeout, 60);
    if (status != ERROR_SUCCESS) {
        GenFailOpen(status);
        return NULL;
    }
    if (timeout == 0) {
        // status is ERROR_SUCCESS here.
        GenFailOpen(status);
        // CHECK-NEXT: :[[@LINE+6]]:9: warning: OpenV2 entry point 'GenOpenV2' returns NULL ('return NULL') after 'GenFailOpen' sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-17]]:9: note: 'OpenFlags & CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE' is false
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'timeout == 0' is true
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'GenFailOpen' sets the last error to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+11]]:5: note: 'GenOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = GenOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
