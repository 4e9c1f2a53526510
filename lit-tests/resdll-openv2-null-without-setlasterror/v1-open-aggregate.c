// V1 Open registered through written-out aggregate initialisers: a
// CLRES_FUNCTION_TABLE whose union starts with V1Functions, and a
// CLRES_V1_FUNCTIONS copied into the table at start-up. Both Open routines
// are checked as V1 Open entry points.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static RESID WINAPI TapeOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                             RESOURCE_HANDLE ResourceHandle)
{
    if (ResourceName == NULL)
        // CHECK: :[[@LINE+3]]:9: warning: Open entry point 'TapeOpen' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:9: note: 'ResourceName == NULL' is true
        // CHECK-NEXT: :[[@LINE+28]]:9: note: 'TapeOpen' is registered as the Open entry point in the initialiser of 'g_TapeTable.V1Functions.Open'
        return NULL;
    return (RESID)ResourceHandle;
}

static RESID WINAPI ChangerOpen(LPCWSTR ResourceName, HKEY ResourceKey,
                                RESOURCE_HANDLE ResourceHandle)
{
    HANDLE device = CreateFileW(ResourceName, GENERIC_READ, 0, NULL,
                                OPEN_EXISTING, 0, NULL);
    if (device == INVALID_HANDLE_VALUE)
        return NULL;
    if (ResourceKey == NULL) {
        CloseHandle(device);
        // CHECK-NEXT: :[[@LINE+4]]:9: warning: Open entry point 'ChangerOpen' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'device == INVALID_HANDLE_VALUE' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE+15]]:13: note: 'ChangerOpen' is registered as the Open entry point in the initialiser of 'g_ChangerFunctions.Open'
        return NULL;
    }
    return (RESID)device;
}

static VOID WINAPI TapeClose(RESID Resource) {}

static CLRES_FUNCTION_TABLE g_TapeTable = {
    CLRES_V1_FUNCTION_SIZE,
    CLRES_VERSION_V1_00,
    { { TapeOpen, TapeClose } },
};

static const CLRES_V1_FUNCTIONS g_ChangerFunctions = {
    .Open = ChangerOpen,
    .Close = TapeClose,
};

static CLRES_FUNCTION_TABLE g_ChangerTable;

DWORD WINAPI Startup(LPCWSTR ResourceType, DWORD MinVersionSupported,
                     DWORD MaxVersionSupported,
                     PSET_RESOURCE_STATUS_ROUTINE SetResourceStatus,
                     PLOG_EVENT_ROUTINE LogEvent,
                     PCLRES_FUNCTION_TABLE *FunctionTable)
{
    if (lstrcmpiW(ResourceType, L"Tape Changer") == 0) {
        g_ChangerTable.TableSize = CLRES_V1_FUNCTION_SIZE;
        g_ChangerTable.Version = CLRES_VERSION_V1_00;
        g_ChangerTable.V1Functions = g_ChangerFunctions;
        *FunctionTable = &g_ChangerTable;
    } else {
        *FunctionTable = &g_TapeTable;
    }
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
