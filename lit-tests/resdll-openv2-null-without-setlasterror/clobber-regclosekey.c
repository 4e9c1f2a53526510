// SetLastError, then RegCloseKey (or ClusterRegCloseKey) of the parameters
// key before the return: both may overwrite the last error. Closing the key
// first is clean.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI RegOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HKEY parameters = NULL;
    HKEY cluster = NULL;
    DWORD value = 0, size = sizeof(value), type;
    DWORD status;

    status = RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &parameters);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return NULL;
    }
    status = RegQueryValueExW(parameters, L"Port", NULL, &type, (LPBYTE)&value, &size);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        RegCloseKey(parameters);
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'RegOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'RegCloseKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'RegCloseKey' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'RegCloseKey' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+39]]:5: note: 'RegOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (type != REG_DWORD) {
        RegCloseKey(parameters);
        SetLastError(ERROR_INVALID_DATA);
        return NULL;
    }
    RegCloseKey(parameters);

    status = ClusterRegOpenKey(ResourceKey, L"State", KEY_READ, &cluster);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return NULL;
    }
    if (value == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        ClusterRegCloseKey(cluster);
        // CHECK-NEXT: :[[@LINE+10]]:9: warning: OpenV2 entry point 'RegOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'ClusterRegCloseKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-33]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-29]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-18]]:9: note: 'type != REG_DWORD' is false
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-8]]:9: note: 'value == 0' is true
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'ClusterRegCloseKey' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-9]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'ClusterRegCloseKey' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+12]]:5: note: 'RegOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    ClusterRegCloseKey(cluster);
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = RegOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
