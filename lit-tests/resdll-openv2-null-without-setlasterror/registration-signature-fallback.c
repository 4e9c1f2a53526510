// The signature fallback: this file registers no Open or OpenV2 (the
// function table lives in another file of the DLL), so functions with the
// exact OpenV2 or V1 Open signature whose names end in "OpenV2" or "Open"
// are checked, and the finding says why. A function with the signature but
// another name, one with the name but another signature, and a static one
// (another file cannot register it) are not checked.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

RESID WINAPI ClusterDiskOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                               RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'ClusterDiskOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE-6]]:14: note: 'ClusterDiskOpenV2' is checked as the OpenV2 entry point because of its name and signature: no function table in this translation unit registers one
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI ClusterDiskOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle)
{
    if (ResourceKey == NULL)
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: Open entry point 'ClusterDiskOpen' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE-6]]:14: note: 'ClusterDiskOpen' is checked as the Open entry point because of its name and signature: no function table in this translation unit registers one
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI ClusterDiskAttach(LPCWSTR ResourceName, HKEY ResourceKey,
                               RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI ClusterDiskReopen(LPCWSTR ResourceName, DWORD OpenFlags)
{
    if (ResourceName == NULL)
        return NULL;
    return (RESID)ResourceName;
}

static RESID WINAPI ClusterDiskHelperOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                            RESOURCE_HANDLE ResourceHandle,
                                            DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI ClusterDiskCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                    RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return ClusterDiskHelperOpenV2(ResourceName, ResourceKey, ResourceHandle,
                                   OpenFlags);
}
// CHECK-NEXT: 2 findings in 1 file
