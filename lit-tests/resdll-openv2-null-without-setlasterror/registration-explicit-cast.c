// Registration by an explicit cast to POPEN_V2_ROUTINE: into an untyped
// slot of the DLL's own dispatch table, and of a routine whose declared
// signature differs (the cast hides that from the compiler, but the routine
// is still the one the monitor calls).
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DISPATCH_ENTRY {
    LPCWSTR ResourceType;
    PVOID Open;
} DISPATCH_ENTRY;

static RESID WINAPI QuorumOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                 RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceHandle == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'QuorumOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceHandle == NULL' is true
        // CHECK-NEXT: :[[@LINE+18]]:25: note: 'QuorumOpenV2' is registered as the OpenV2 entry point by its cast to POPEN_V2_ROUTINE
        return NULL;
    return (RESID)ResourceHandle;
}

// Declared with a PVOID handle: the cast makes it fit.
static PVOID WINAPI WitnessOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                                PVOID ResourceHandle, DWORD OpenFlags)
{
    if (ResourceHandle == NULL)
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'WitnessOpen' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceHandle == NULL' is true
        // CHECK-NEXT: :[[@LINE+21]]:9: note: 'WitnessOpen' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return ResourceHandle;
}

static DISPATCH_ENTRY g_Dispatch[] = {
    { L"Quorum", (PVOID)(POPEN_V2_ROUTINE)QuorumOpenV2 },
};

static CLRES_FUNCTION_TABLE g_FunctionTable;

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    if (lstrcmpiW(ResourceType, g_Dispatch[0].ResourceType) == 0)
        g_FunctionTable.V2Functions.Open = (POPEN_V2_ROUTINE)g_Dispatch[0].Open;
    else
        g_FunctionTable.V2Functions.Open = (POPEN_V2_ROUTINE)WitnessOpen;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
