// Registration in aggregate initialisers: a CLRES_FUNCTION_TABLE with a
// designated V2Functions member, one with positional braces, and a
// CLRES_V2_FUNCTIONS copied into a table, each with its own resource type.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static RESID WINAPI DiskOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                               RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK: :[[@LINE+3]]:5: warning: OpenV2 entry point 'DiskOpenV2' returns NULL ('return ResourceName ? (RESID)ResourceHandle : NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName' is false
    // CHECK-NEXT: :[[@LINE+37]]:30: note: 'DiskOpenV2' is registered as the OpenV2 entry point in the initialiser of 'g_DiskTable.V2Functions.Open'
    return ResourceName ? (RESID)ResourceHandle : NULL;
}

static RESID WINAPI VolumeOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                 RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'VolumeOpenV2' returns NULL ('return ResourceKey ? (RESID)ResourceHandle : NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceKey' is false
    // CHECK-NEXT: :[[@LINE+34]]:24: note: 'VolumeOpenV2' is registered as the OpenV2 entry point in the initialiser of 'g_VolumeTable.V2Functions.Open'
    return ResourceKey ? (RESID)ResourceHandle : NULL;
}

static RESID WINAPI MirrorOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                 RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (!ResourceName)
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'MirrorOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: '!ResourceName' is true
        // CHECK-NEXT: :[[@LINE+27]]:55: note: 'MirrorOpenV2' is registered as the OpenV2 entry point in the initialiser of 'g_MirrorFunctions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

static RESID WINAPI CleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (!ResourceName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)ResourceHandle;
}

static CLRES_FUNCTION_TABLE g_DiskTable = {
    .TableSize = CLRES_V2_FUNCTION_SIZE,
    .Version = CLRES_VERSION_V2_00,
    .V2Functions = { .Open = DiskOpenV2 },
};

static CLRES_FUNCTION_TABLE g_VolumeTable = {
    CLRES_V2_FUNCTION_SIZE,
    CLRES_VERSION_V2_00,
    { .V2Functions = { VolumeOpenV2, NULL, NULL, NULL } },
};

static const CLRES_V2_FUNCTIONS g_MirrorFunctions = { MirrorOpenV2 };
static const CLRES_V2_FUNCTIONS g_CleanFunctions = { .Open = CleanOpenV2 };

static CLRES_FUNCTION_TABLE g_MirrorTable, g_CleanTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_MirrorTable.TableSize = g_CleanTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_MirrorTable.Version = g_CleanTable.Version = CLRES_VERSION_V2_00;
    g_MirrorTable.V2Functions = g_MirrorFunctions;
    g_CleanTable.V2Functions = g_CleanFunctions;
    switch (ResourceType[0]) {
    case L'D': *ResourceDllInterfaceFunctions = &g_DiskTable; break;
    case L'V': *ResourceDllInterfaceFunctions = &g_VolumeTable; break;
    case L'M': *ResourceDllInterfaceFunctions = &g_MirrorTable; break;
    default: *ResourceDllInterfaceFunctions = &g_CleanTable; break;
    }
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 3 findings in 1 file
