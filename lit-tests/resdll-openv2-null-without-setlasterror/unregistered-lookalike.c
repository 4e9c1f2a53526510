// A function that looks like an OpenV2 (signature and name) but is not the
// one the DLL registers is not checked: this file registers another
// routine, so the signature fallback does not apply either.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

// Kept for an older monitor; never registered.
RESID WINAPI OldOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI NewOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'NewOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE+12]]:5: note: 'NewOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return OldOpenV2(ResourceName, ResourceKey, ResourceHandle, OpenFlags);
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = NewOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
