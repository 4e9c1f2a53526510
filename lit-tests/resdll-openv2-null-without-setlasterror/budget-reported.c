// When the path budget runs out, the entry point is reported as not
// analysed (a warning naming it, and a budget hit in the statistics) and no
// finding is guessed for it, although this OpenV2 has a real one.
// RUN: %resdll-check --config-file=%S/Inputs/small-budget.yaml %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --check-prefix=FULL --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

// CHECK: :[[@LINE+1]]:14: warning: the analysis of 'ManyOpenV2' for resdll-openv2-null-without-setlasterror stopped at the path budget (20 steps); no finding is reported for it
RESID WINAPI ManyOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD a = 0, b = 0, c = 0, d = 0;

    if (ResUtilGetDwordValue(ResourceKey, L"A", &a, 0) != ERROR_SUCCESS)
        a = 1;
    if (ResUtilGetDwordValue(ResourceKey, L"B", &b, 0) != ERROR_SUCCESS)
        b = 1;
    if (ResUtilGetDwordValue(ResourceKey, L"C", &c, 0) != ERROR_SUCCESS)
        c = 1;
    if (ResUtilGetDwordValue(ResourceKey, L"D", &d, 0) != ERROR_SUCCESS)
        d = 1;
    if (a + b + c + d == 0)
        // FULL: :[[@LINE+7]]:9: warning: OpenV2 entry point 'ManyOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // FULL-NEXT: :[[@LINE-10]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"A", &a, 0) != ERROR_S...' is false
        // FULL-NEXT: :[[@LINE-9]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"B", &b, 0) != ERROR_S...' is false
        // FULL-NEXT: :[[@LINE-8]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"C", &c, 0) != ERROR_S...' is false
        // FULL-NEXT: :[[@LINE-7]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"D", &d, 0) != ERROR_S...' is false
        // FULL-NEXT: :[[@LINE-6]]:9: note: 'a + b + c + d == 0' is true
        // FULL-NEXT: :[[@LINE+10]]:5: note: 'ManyOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = ManyOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 0 findings in 1 file
// FULL-NEXT: 1 finding in 1 file
