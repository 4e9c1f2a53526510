// What the API model does not accept: a NULL return on the branch where the
// API succeeded (the last error is whatever the success left), after an API
// that returns its error instead of setting it (RegOpenKeyExW,
// ClusterRegOpenKey, HeapAlloc), after a second API call that may have
// overwritten the first one's failure, and after a failed call whose
// result was never compared with the failure value.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct SVC_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY Parameters;
    HANDLE Event;
    HANDLE Mutex;
    LPVOID Buffer;
} SVC_RESOURCE, *PSVC_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI SvcOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PSVC_RESOURCE svc;
    HKEY key;

    if (RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &key) != ERROR_SUCCESS)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &k...' is true
        // CHECK-NEXT: :[[@LINE+55]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    svc = (PSVC_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*svc));
    if (svc == NULL)
        // CHECK-NEXT: :[[@LINE+4]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-8]]:9: note: 'RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &k...' is false
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'svc == NULL' is true
        // CHECK-NEXT: :[[@LINE+48]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    svc->Parameters = key;
    svc->Event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (svc->Event != NULL && OpenFlags != 0)
        // CHECK-NEXT: :[[@LINE+6]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-16]]:9: note: 'RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &k...' is false
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'svc == NULL' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'svc->Event != NULL' is true
        // CHECK-NEXT: :[[@LINE-5]]:31: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE+38]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    svc->Mutex = CreateMutexW(NULL, FALSE, NULL);
    svc->Buffer = LocalAlloc(LPTR, 4096);
    if (svc->Mutex == NULL || svc->Buffer == NULL)
        // CHECK-NEXT: :[[@LINE+10]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-12]] may be overwritten by 'LocalAlloc' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-26]]:9: note: 'RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &k...' is false
        // CHECK-NEXT: :[[@LINE-21]]:9: note: 'svc == NULL' is false
        // CHECK-NEXT: :[[@LINE-14]]:9: note: 'svc->Event != NULL' is false
        // CHECK-NEXT: :[[@LINE-7]]:18: note: 'CreateMutexW' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-7]]:19: note: 'LocalAlloc' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'svc->Mutex == NULL' is true
        // CHECK-NEXT: :[[@LINE-19]]:18: note: 'CreateEventW' sets the last error here
        // CHECK-NEXT: :[[@LINE-10]]:19: note: 'LocalAlloc' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+24]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    if (svc->Event == NULL)
        // CHECK-NEXT: :[[@LINE+12]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-24]] may be overwritten by 'LocalAlloc' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-38]]:9: note: 'RegOpenKeyExW(ResourceKey, L"Parameters", 0, KEY_READ, &k...' is false
        // CHECK-NEXT: :[[@LINE-33]]:9: note: 'svc == NULL' is false
        // CHECK-NEXT: :[[@LINE-26]]:9: note: 'svc->Event != NULL' is false
        // CHECK-NEXT: :[[@LINE-19]]:18: note: 'CreateMutexW' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-19]]:19: note: 'LocalAlloc' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-19]]:9: note: 'svc->Mutex == NULL' is false
        // CHECK-NEXT: :[[@LINE-20]]:31: note: 'svc->Buffer == NULL' is false
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'svc->Event == NULL' is true
        // CHECK-NEXT: :[[@LINE-33]]:18: note: 'CreateEventW' sets the last error here
        // CHECK-NEXT: :[[@LINE-24]]:19: note: 'LocalAlloc' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+10]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return (RESID)svc;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = SvcOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 5 findings in 1 file
