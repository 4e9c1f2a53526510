// Registration by assignment to a table member, written out instead of
// through CLRES_V2_FUNCTION_TABLE_SET: through the table variable, through
// a pointer to the table, and into a table the DLL allocates. Each
// finding's registration note names the member as written.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FileServerTable;
static PCLRES_FUNCTION_TABLE g_SmbTable;

RESID WINAPI FsOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                      RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FsOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE+35]]:5: note: 'FsOpenV2' is registered as the OpenV2 entry point by the assignment to 'table->V2Functions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI SmbOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL)
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'SmbOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE+32]]:9: note: 'SmbOpenV2' is registered as the OpenV2 entry point by the assignment to '(*g_SmbTable).V2Functions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

RESID WINAPI NfsOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    PCLRES_FUNCTION_TABLE table = &g_FileServerTable;

    table->TableSize = CLRES_V2_FUNCTION_SIZE;
    table->Version = CLRES_VERSION_V2_00;
    table->V2Functions.Open = FsOpenV2;

    if (g_SmbTable == NULL) {
        g_SmbTable = (PCLRES_FUNCTION_TABLE)LocalAlloc(LPTR, sizeof(*g_SmbTable));
        if (g_SmbTable == NULL)
            return GetLastError();
        g_SmbTable->TableSize = CLRES_V2_FUNCTION_SIZE;
        g_SmbTable->Version = CLRES_VERSION_V2_00;
        (*g_SmbTable).V2Functions.Open = SmbOpenV2;
    }
    if (lstrcmpiW(ResourceType, L"SMB Share") == 0) {
        *ResourceDllInterfaceFunctions = g_SmbTable;
    } else if (lstrcmpiW(ResourceType, L"NFS Share") == 0) {
        (*ResourceDllInterfaceFunctions)->V2Functions.Open = NfsOpenV2;
    } else {
        *ResourceDllInterfaceFunctions = table;
    }
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
