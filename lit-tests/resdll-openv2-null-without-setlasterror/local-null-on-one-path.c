// A local that keeps its null initialiser on one path only: the return of
// that local is null exactly there. The clean twin sets the last error on
// the path that leaves it null.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DISK_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD DiskNumber;
    BOOL ReadOnly;
} DISK_RESOURCE, *PDISK_RESOURCE;

static CLRES_FUNCTION_TABLE g_DiskTable;

static PDISK_RESOURCE DiskAllocate(RESOURCE_HANDLE Handle)
{
    PDISK_RESOURCE disk = (PDISK_RESOURCE)HeapAlloc(GetProcessHeap(),
                                                    HEAP_ZERO_MEMORY,
                                                    sizeof(*disk));
    if (disk != NULL)
        disk->Handle = Handle;
    return disk;
}

RESID WINAPI DiskOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDISK_RESOURCE disk = NULL;
    DWORD number = 0;
    DWORD status;

    status = ResUtilGetDwordValue(ResourceKey, L"DiskNumber", &number, 0);
    if (status == ERROR_SUCCESS) {
        disk = DiskAllocate(ResourceHandle);
        if (disk == NULL) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        disk->DiskNumber = number;
    }
    // CHECK: :[[@LINE+3]]:5: warning: OpenV2 entry point 'DiskOpenV2' returns NULL ('return (RESID)disk') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-9]]:9: note: 'status == ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE+31]]:5: note: 'DiskOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_DiskTable.V2Functions.Open'
    return (RESID)disk;
}

RESID WINAPI DiskCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDISK_RESOURCE disk = NULL;
    DWORD number = 0;
    DWORD status;

    status = ResUtilGetDwordValue(ResourceKey, L"DiskNumber", &number, 0);
    if (status == ERROR_SUCCESS) {
        disk = DiskAllocate(ResourceHandle);
        if (disk == NULL) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        disk->DiskNumber = number;
    } else {
        SetLastError(status);
    }
    return (RESID)disk;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    static CLRES_FUNCTION_TABLE cleanTable;
    g_DiskTable.V2Functions.Open = DiskOpenV2;
    cleanTable.V2Functions.Open = DiskCleanOpenV2;
    *ResourceDllInterfaceFunctions =
        MinVersionSupported > CLRES_VERSION_V2_00 ? &cleanTable : &g_DiskTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
