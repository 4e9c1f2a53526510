// Helpers that set the last error on some of their paths only. When the
// caller cannot tell from the result which path ran, the paths that do not
// set it are reported, with a note at the helper call. When the helper's
// choice depends on an argument, a constant argument picks its paths:
// ReportError(status) with status known nonzero always sets the error.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct PRINT_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD Spooler;
    BOOL Verbose;
} PRINT_RESOURCE, *PPRINT_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PLOG_EVENT_ROUTINE g_LogEvent;
static BOOL g_Verbose;

// Sets the error only when the caller asks for it to be logged verbosely.
static void PrintLogFailure(RESOURCE_HANDLE Handle, DWORD Status)
{
    if (g_Verbose) {
        g_LogEvent(Handle, LOG_ERROR, L"Open failed: %1!u!.\n", Status);
        SetLastError(Status);
    }
}

// Sets the error only when there is one.
static void PrintSetError(DWORD Status)
{
    if (Status != ERROR_SUCCESS)
        SetLastError(Status);
}

RESID WINAPI PrintOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PPRINT_RESOURCE printer;
    DWORD spooler = 0;
    DWORD status;

    status = ResUtilGetDwordValue(ResourceKey, L"Spooler", &spooler, 0);
    if (status != ERROR_SUCCESS) {
        // Bug: PrintLogFailure sets the error only when g_Verbose is set.
        PrintLogFailure(ResourceHandle, status);
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'PrintOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'PrintLogFailure' may return without setting the last error
        // CHECK-NEXT: :[[@LINE+40]]:5: note: 'PrintOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (spooler == 0) {
        // Clean: the argument is nonzero, so PrintSetError sets it.
        PrintSetError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    printer = (PPRINT_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                         sizeof(*printer));
    if (printer == NULL) {
        // Bug: the argument is zero, so PrintSetError does nothing.
        PrintSetError(ERROR_SUCCESS);
        // CHECK-NEXT: :[[@LINE+6]]:9: warning: OpenV2 entry point 'PrintOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-20]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-12]]:9: note: 'spooler == 0' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'printer == NULL' is true
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'PrintSetError' may return without setting the last error
        // CHECK-NEXT: :[[@LINE+22]]:5: note: 'PrintOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    status = ResUtilGetDwordValue(ResourceKey, L"Verbose", &spooler, 0);
    if (status != ERROR_SUCCESS) {
        // Clean: status is nonzero on this path, and nothing follows that
        // may overwrite the error.
        HeapFree(GetProcessHeap(), 0, printer);
        PrintSetError(status);
        return NULL;
    }
    printer->Handle = ResourceHandle;
    printer->Spooler = spooler;
    return (RESID)printer;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    g_FunctionTable.V2Functions.Open = PrintOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
