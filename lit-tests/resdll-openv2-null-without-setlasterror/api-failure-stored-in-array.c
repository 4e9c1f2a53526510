// API results stored in array elements (a local array and an array field
// of the resource) are followed like variables when the index is a
// constant: the test of the element is the test of the API's failure. An
// array passed to a function may be changed by it.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define EVENT_STOP 0
#define EVENT_CHANGE 1

typedef struct WATCH_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Events[2];
} WATCH_RESOURCE, *PWATCH_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

static void WatchFillEvents(HANDLE *Events)
{
    Events[0] = Events[1] = NULL;
}

RESID WINAPI WatchOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PWATCH_RESOURCE watch;
    HANDLE mutexes[2] = { NULL, NULL };

    mutexes[0] = CreateMutexW(NULL, FALSE, NULL);
    if (mutexes[0] == NULL)
        return NULL;
    WatchFillEvents(mutexes);
    if (mutexes[0] != NULL && OpenFlags != 0)
        // CHECK: :[[@LINE+5]]:9: warning: OpenV2 entry point 'WatchOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'mutexes[0] == NULL' is false
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'mutexes[0] != NULL' is true
        // CHECK-NEXT: :[[@LINE-4]]:31: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE+36]]:5: note: 'WatchOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;

    watch = (PWATCH_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                       sizeof(*watch));
    if (watch == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    watch->Events[EVENT_STOP] = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (watch->Events[EVENT_STOP] == NULL)
        return NULL;
    watch->Events[EVENT_CHANGE] = CreateEventW(NULL, FALSE, FALSE, NULL);
    if (watch->Events[EVENT_CHANGE] == NULL) {
        CloseHandle(watch->Events[EVENT_STOP]);
        // CHECK-NEXT: :[[@LINE+10]]:9: warning: OpenV2 entry point 'WatchOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-3]] may be overwritten by 'CloseHandle' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-24]]:9: note: 'mutexes[0] == NULL' is false
        // CHECK-NEXT: :[[@LINE-22]]:9: note: 'mutexes[0] != NULL' is false
        // CHECK-NEXT: :[[@LINE-13]]:9: note: 'watch == NULL' is false
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'watch->Events[EVENT_STOP] == NULL' is false
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'watch->Events[EVENT_CHANGE] == NULL' is true
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'CloseHandle' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-10]]:35: note: 'CreateEventW' sets the last error here
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'CloseHandle' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+12]]:5: note: 'WatchOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    watch->Handle = ResourceHandle;
    return (RESID)watch;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = WatchOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
