// Failed API calls of the API model: CreateFileW compared with
// INVALID_HANDLE_VALUE, LocalAlloc compared with NULL, CreateEventW stored
// in a field and tested there, OpenSCManagerW tested with '!'. Returning
// NULL on the branch that tested the failure is accepted by default (the
// API set the last error); --strict asks for an explicit SetLastError.
// RUN: %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %resdll-check --strict %s 2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct FILE_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE File;
    HANDLE ChangeEvent;
    SC_HANDLE Manager;
} FILE_RESOURCE, *PFILE_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI FileOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PFILE_RESOURCE resource;
    HANDLE file;

    file = CreateFileW(ResourceName, GENERIC_READ, FILE_SHARE_READ, NULL,
                       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        // STRICT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FileOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-2]]:9: note: 'file == INVALID_HANDLE_VALUE' is true
        // STRICT-NEXT: :[[@LINE+41]]:5: note: 'FileOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;

    resource = (PFILE_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        // Clean: the last error of LocalAlloc's failure survives: nothing
        // between it and the return may overwrite it.
        // STRICT-NEXT: :[[@LINE+4]]:9: warning: OpenV2 entry point 'FileOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-11]]:9: note: 'file == INVALID_HANDLE_VALUE' is false
        // STRICT-NEXT: :[[@LINE-5]]:9: note: 'resource == NULL' is true
        // STRICT-NEXT: :[[@LINE+31]]:5: note: 'FileOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    resource->File = file;
    resource->Handle = ResourceHandle;

    resource->ChangeEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (resource->ChangeEvent == NULL)
        // STRICT-NEXT: :[[@LINE+5]]:9: warning: OpenV2 entry point 'FileOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-22]]:9: note: 'file == INVALID_HANDLE_VALUE' is false
        // STRICT-NEXT: :[[@LINE-16]]:9: note: 'resource == NULL' is false
        // STRICT-NEXT: :[[@LINE-4]]:9: note: 'resource->ChangeEvent == NULL' is true
        // STRICT-NEXT: :[[@LINE+19]]:5: note: 'FileOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;

    if (!(resource->Manager = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT)))
        // STRICT-NEXT: :[[@LINE+6]]:9: warning: OpenV2 entry point 'FileOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-30]]:9: note: 'file == INVALID_HANDLE_VALUE' is false
        // STRICT-NEXT: :[[@LINE-24]]:9: note: 'resource == NULL' is false
        // STRICT-NEXT: :[[@LINE-12]]:9: note: 'resource->ChangeEvent == NULL' is false
        // STRICT-NEXT: :[[@LINE-5]]:9: note: '!(resource->Manager = OpenSCManagerW(NULL, NULL, SC_MANAG...' is true
        // STRICT-NEXT: :[[@LINE+10]]:5: note: 'FileOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    return (RESID)resource;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = FileOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 0 findings in 1 file
// STRICT-NEXT: 4 findings in 1 file
