// Registration by implicit conversion to POPEN_V2_ROUTINE: a variable's
// initialiser, an argument of a helper that fills the table, the return
// value of a function that picks the routine, and an element of an array of
// routines.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

static RESID WINAPI LocalOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK: :[[@LINE+3]]:5: warning: OpenV2 entry point 'LocalOpenV2' returns NULL ('return ResourceName == NULL ? NULL : (RESID)ResourceHandle') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName == NULL' is true
    // CHECK-NEXT: :[[@LINE+50]]:29: note: 'LocalOpenV2' is registered as the OpenV2 entry point by its conversion to POPEN_V2_ROUTINE (open)
    return ResourceName == NULL ? NULL : (RESID)ResourceHandle;
}

static RESID WINAPI ArgumentOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'ArgumentOpenV2' returns NULL ('return ResourceName == NULL ? NULL : (RESID)ResourceHandle') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName == NULL' is true
    // CHECK-NEXT: :[[@LINE+44]]:37: note: 'ArgumentOpenV2' is registered as the OpenV2 entry point by its conversion to POPEN_V2_ROUTINE (argument of 'FillTable')
    return ResourceName == NULL ? NULL : (RESID)ResourceHandle;
}

static RESID WINAPI ReturnedOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'ReturnedOpenV2' returns NULL ('return ResourceName == NULL ? NULL : (RESID)ResourceHandle') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName == NULL' is true
    // CHECK-NEXT: :[[@LINE+22]]:5: note: 'ReturnedOpenV2' is registered as the OpenV2 entry point by its conversion to POPEN_V2_ROUTINE (return value)
    return ResourceName == NULL ? NULL : (RESID)ResourceHandle;
}

static RESID WINAPI ArrayOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // CHECK-NEXT: :[[@LINE+3]]:5: warning: OpenV2 entry point 'ArrayOpenV2' returns NULL ('return ResourceName == NULL ? NULL : (RESID)ResourceHandle') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE+2]]:12: note: 'ResourceName == NULL' is true
    // CHECK-NEXT: :[[@LINE+16]]:53: note: 'ArrayOpenV2' is registered as the OpenV2 entry point in the initialiser of 'g_OpenByVersion[0]'
    return ResourceName == NULL ? NULL : (RESID)ResourceHandle;
}

static void FillTable(PCLRES_FUNCTION_TABLE Table, POPEN_V2_ROUTINE Open)
{
    Table->TableSize = CLRES_V2_FUNCTION_SIZE;
    Table->Version = CLRES_VERSION_V2_00;
    Table->V2Functions.Open = Open;
}

static POPEN_V2_ROUTINE PickOpen(LPCWSTR ResourceType)
{
    return ReturnedOpenV2;
}

static const POPEN_V2_ROUTINE g_OpenByVersion[] = { ArrayOpenV2 };

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    POPEN_V2_ROUTINE open = LocalOpenV2;

    if (ResourceType[0] == L'A')
        FillTable(&g_FunctionTable, ArgumentOpenV2);
    else if (ResourceType[0] == L'R')
        FillTable(&g_FunctionTable, PickOpen(ResourceType));
    else if (ResourceType[0] == L'V')
        FillTable(&g_FunctionTable, g_OpenByVersion[0]);
    else
        FillTable(&g_FunctionTable, open);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 4 findings in 1 file
