// A switch on the open flags and on a configured mode: a case that returns
// NULL without SetLastError is reported with the case taken; cases that set
// the error, fall through to a case that does, or break out are clean.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define MODE_ACTIVE   1
#define MODE_PASSIVE  2
#define MODE_WITNESS  3
#define MODE_LEGACY   4
#define MODE_MIRROR   5

typedef struct SVC_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD Mode;
} SVC_RESOURCE, *PSVC_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI SvcOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PSVC_RESOURCE svc;
    DWORD mode = 0;
    DWORD status;

    status = ResUtilGetDwordValue(ResourceKey, L"Mode", &mode, MODE_ACTIVE);
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return NULL;
    }

    switch (mode) {
    case MODE_ACTIVE:
    case MODE_PASSIVE:
        break;
    case MODE_WITNESS:
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'SvcOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-3]]:5: note: 'case MODE_WITNESS:' is taken
        // CHECK-NEXT: :[[@LINE+48]]:5: note: 'SvcOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    case MODE_LEGACY:
    case MODE_MIRROR:
        SetLastError(ERROR_NOT_SUPPORTED);
        return NULL;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }

    svc = (PSVC_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*svc));
    if (svc == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    svc->Handle = ResourceHandle;
    svc->Mode = mode;
    return svc;
}

void WINAPI SvcClose(RESID Resource)
{
    HeapFree(GetProcessHeap(), 0, Resource);
}

DWORD WINAPI SvcOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                         PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

DWORD WINAPI SvcOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                          DWORD OfflineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

void WINAPI SvcTerminate(RESID Resource) {}

BOOL WINAPI SvcIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Svc,
                                NULL, NULL, NULL, NULL, SvcIsAlive, SvcIsAlive,
                                NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
