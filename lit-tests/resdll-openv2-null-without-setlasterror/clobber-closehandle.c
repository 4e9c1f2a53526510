// SetLastError, then CloseHandle before the return: CloseHandle may
// overwrite the last error (it sets it when it fails, and is allowed to
// change it when it succeeds). The clean twins close first, or save the
// error with GetLastError and set it again after closing.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct EVT_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Online;
    HANDLE Offline;
} EVT_RESOURCE, *PEVT_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI EvtOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PEVT_RESOURCE evt;
    HANDLE online, offline;
    DWORD status;

    online = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (online == NULL)
        return NULL;
    offline = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (offline == NULL) {
        status = GetLastError();
        SetLastError(status);
        CloseHandle(online);
        // CHECK: :[[@LINE+7]]:9: warning: OpenV2 entry point 'EvtOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'CloseHandle' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-8]]:9: note: 'online == NULL' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'offline == NULL' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'CloseHandle' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'CloseHandle' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+28]]:5: note: 'EvtOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (OpenFlags != 0) {
        CloseHandle(offline);
        CloseHandle(online);
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    evt = (PEVT_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*evt));
    if (evt == NULL) {
        status = ERROR_NOT_ENOUGH_MEMORY;
        CloseHandle(offline);
        CloseHandle(online);
        SetLastError(status);
        return NULL;
    }
    evt->Handle = ResourceHandle;
    evt->Online = online;
    evt->Offline = offline;
    return (RESID)evt;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = EvtOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
