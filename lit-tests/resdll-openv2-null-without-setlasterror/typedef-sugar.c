// Types reached through the DLL's own typedefs: a typedef of
// POPEN_V2_ROUTINE (and of that typedef) for the table's routine, a
// typedef'd resource pointer returned as RESID, and a function type typedef
// used to declare the entry point. All are recognised through the typedef
// sugar of the types, not their spelling.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef POPEN_V2_ROUTINE OPEN_ROUTINE;
typedef OPEN_ROUTINE *POPEN_SLOT;
typedef RESID RESOURCE_ID;
typedef RESOURCE_ID (WINAPI OPEN_FUNCTION)(LPCWSTR, HKEY, RESOURCE_HANDLE, DWORD);

typedef struct LOG_RESOURCE {
    RESOURCE_HANDLE Handle;
} LOG_RESOURCE, *PLOG_RESOURCE;

static OPEN_FUNCTION LogOpenV2;

static RESOURCE_ID WINAPI LogOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                    RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PLOG_RESOURCE log = (PLOG_RESOURCE)HeapAlloc(GetProcessHeap(), 0, sizeof(*log));
    if (log == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'LogOpenV2' returns NULL ('return (RESOURCE_ID)log') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'log == NULL' is true
        // CHECK-NEXT: :[[@LINE+18]]:48: note: 'LogOpenV2' is registered as the OpenV2 entry point by its conversion to POPEN_V2_ROUTINE (argument of 'SetOpen')
        return (RESOURCE_ID)log;
    log->Handle = ResourceHandle;
    return (RESOURCE_ID)log;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

static void SetOpen(POPEN_SLOT Slot, OPEN_ROUTINE Open)
{
    *Slot = Open;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    SetOpen(&g_FunctionTable.V2Functions.Open, LogOpenV2);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
