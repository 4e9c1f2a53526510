// Retry loops: the path that leaves the loop without a resource is followed
// through every round. A loop that gives up and returns NULL without an
// error is reported once; the clean twin sets the error after the loop, and
// a loop whose failed API call is checked after the loop is accepted.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define OPEN_RETRIES 5

typedef struct VOL_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Device;
} VOL_RESOURCE, *PVOL_RESOURCE;

static CLRES_FUNCTION_TABLE g_RetryTable, g_CleanTable, g_ApiTable;

static PVOL_RESOURCE VolAllocate(void)
{
    return (PVOL_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                    sizeof(VOL_RESOURCE));
}

RESID WINAPI RetryOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOL_RESOURCE volume = NULL;
    DWORD attempt;

    for (attempt = 0; attempt < OPEN_RETRIES && volume == NULL; attempt++) {
        volume = VolAllocate();
        if (volume == NULL)
            Sleep(100);
    }
    // CHECK: :[[@LINE+18]]:5: warning: OpenV2 entry point 'RetryOpenV2' returns NULL ('return (RESID)volume') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-6]]:23: note: 'attempt < OPEN_RETRIES' is true
    // CHECK-NEXT: :[[@LINE-7]]:49: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-6]]:13: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-9]]:23: note: 'attempt < OPEN_RETRIES' is true
    // CHECK-NEXT: :[[@LINE-10]]:49: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-9]]:13: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-12]]:23: note: 'attempt < OPEN_RETRIES' is true
    // CHECK-NEXT: :[[@LINE-13]]:49: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-12]]:13: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-15]]:23: note: 'attempt < OPEN_RETRIES' is true
    // CHECK-NEXT: :[[@LINE-16]]:49: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-15]]:13: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-18]]:23: note: 'attempt < OPEN_RETRIES' is true
    // CHECK-NEXT: :[[@LINE-19]]:49: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-18]]:13: note: 'volume == NULL' is true
    // CHECK-NEXT: :[[@LINE-21]]:23: note: 'attempt < OPEN_RETRIES' is false
    // CHECK-NEXT: :[[@LINE+46]]:5: note: 'RetryOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_RetryTable.V2Functions.Open'
    return (RESID)volume;
}

RESID WINAPI CleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PVOL_RESOURCE volume = NULL;
    DWORD attempt = 0;

    while (volume == NULL) {
        volume = VolAllocate();
        if (volume != NULL)
            break;
        if (++attempt == OPEN_RETRIES) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        Sleep(100);
    }
    volume->Handle = ResourceHandle;
    return (RESID)volume;
}

RESID WINAPI ApiOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HANDLE device = INVALID_HANDLE_VALUE;
    int attempt;

    for (attempt = 0; attempt < OPEN_RETRIES; attempt++) {
        device = CreateFileW(ResourceName, GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, 0, NULL);
        if (device != INVALID_HANDLE_VALUE)
            break;
    }
    if (device == INVALID_HANDLE_VALUE)
        return NULL; // CreateFileW's failure set the last error
    return (RESID)device;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_RetryTable.V2Functions.Open = RetryOpenV2;
    g_CleanTable.V2Functions.Open = CleanOpenV2;
    g_ApiTable.V2Functions.Open = ApiOpenV2;
    switch (ResourceType[0]) {
    case L'R':
        *ResourceDllInterfaceFunctions = &g_RetryTable;
        break;
    case L'C':
        *ResourceDllInterfaceFunctions = &g_CleanTable;
        break;
    default:
        *ResourceDllInterfaceFunctions = &g_ApiTable;
        break;
    }
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
