// An OpenV2 registered in two places (two tables, for two resource types)
// is checked once; its finding lists both registrations.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_PrimaryTable;
static CLRES_FUNCTION_TABLE g_SecondaryTable = {
    CLRES_V2_FUNCTION_SIZE,
    CLRES_VERSION_V2_00,
    { .V2Functions = { .Open = NULL } },
};

RESID WINAPI ReplicaOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                           RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (OpenFlags & CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE)
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'ReplicaOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'OpenFlags & CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE' is true
        // CHECK-NEXT: :[[@LINE+13]]:5: note: 'ReplicaOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_PrimaryTable.V2Functions.Open'
        // CHECK-NEXT: :[[@LINE+13]]:5: note: 'ReplicaOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_SecondaryTable.V2Functions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_PrimaryTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_PrimaryTable.Version = CLRES_VERSION_V2_00;
    g_PrimaryTable.V2Functions.Open = ReplicaOpenV2;
    g_SecondaryTable.V2Functions.Open = ReplicaOpenV2;
    *ResourceDllInterfaceFunctions =
        ResourceType[0] == L'P' ? &g_PrimaryTable : &g_SecondaryTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
