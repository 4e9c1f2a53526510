// A V1 resource DLL: Startup hands back a table built with the
// CLRES_V1_FUNCTION_TABLE macro (an aggregate initialiser of
// CLRES_FUNCTION_TABLE). Its Open has the same contract as OpenV2.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct LEGACY_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY Key;
} LEGACY_RESOURCE, *PLEGACY_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

RESID WINAPI LegacyOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle)
{
    PLEGACY_RESOURCE legacy;
    HKEY key;
    DWORD status;

    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &key);
    if (status != ERROR_SUCCESS) {
        g_LogEvent(ResourceHandle, LOG_ERROR, L"No Parameters key.\n");
        // CHECK: :[[@LINE+3]]:9: warning: Open entry point 'LegacyOpen' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE+38]]:1: note: 'LegacyOpen' is registered as the Open entry point in the initialiser of 'g_LegacyFunctionTable.V1Functions.Open'
        return NULL;
    }
    legacy = (PLEGACY_RESOURCE)LocalAlloc(LPTR, sizeof(*legacy));
    if (legacy == NULL) {
        status = GetLastError();
        ClusterRegCloseKey(key);
        SetLastError(status);
        return NULL;
    }
    legacy->Handle = ResourceHandle;
    legacy->Key = key;
    return (RESID)legacy;
}

void WINAPI LegacyClose(RESID Resource)
{
    PLEGACY_RESOURCE legacy = (PLEGACY_RESOURCE)Resource;
    ClusterRegCloseKey(legacy->Key);
    LocalFree(legacy);
}

DWORD WINAPI LegacyOnline(RESID Resource, LPHANDLE EventHandle)
{
    return ERROR_SUCCESS;
}

DWORD WINAPI LegacyOffline(RESID Resource)
{
    return ERROR_SUCCESS;
}

VOID WINAPI LegacyTerminate(RESID Resource) {}

BOOL WINAPI LegacyLooksAlive(RESID Resource) { return TRUE; }

BOOL WINAPI LegacyIsAlive(RESID Resource) { return TRUE; }

CLRES_V1_FUNCTION_TABLE(g_LegacyFunctionTable, CLRES_VERSION_V1_00, Legacy,
                        NULL, NULL, NULL, NULL);

DWORD WINAPI Startup(LPCWSTR ResourceType, DWORD MinVersionSupported,
                     DWORD MaxVersionSupported,
                     PSET_RESOURCE_STATUS_ROUTINE SetResourceStatus,
                     PLOG_EVENT_ROUTINE LogEvent,
                     PCLRES_FUNCTION_TABLE *FunctionTable)
{
    if (MinVersionSupported > CLRES_VERSION_V1_00)
        return ERROR_REVISION_MISMATCH;
    g_SetResourceStatus = SetResourceStatus;
    g_LogEvent = LogEvent;
    *FunctionTable = &g_LegacyFunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
