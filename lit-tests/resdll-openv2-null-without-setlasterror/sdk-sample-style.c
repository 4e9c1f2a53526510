// The shape of the Windows SDK's resource DLL samples: every failure logs,
// saves GetLastError() or the returned status, and jumps to one exit that
// frees what was built, sets the last error from the status and returns the
// RESID (zero on failure). After a failed API, GetLastError() is the nonzero
// code that API set, so the status is nonzero there and the exit sets it.
// The look-alike forgets to take the status of one failure.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define PARAM_KEYNAME L"Parameters"

typedef struct SMB_RESOURCE {
    RESID ResId;
    HKEY ParametersKey;
    RESOURCE_HANDLE ResourceHandle;
    LPWSTR ResourceName;
    CLUS_WORKER PendingThread;
    CLUSTER_RESOURCE_STATE State;
} SMB_RESOURCE, *PSMB_RESOURCE;

static PLOG_EVENT_ROUTINE g_LogEvent;
static CLRES_FUNCTION_TABLE g_SmbFunctionTable, g_SmbOldFunctionTable;

RESID WINAPI SmbOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    RESID resid = 0;
    HKEY parametersKey = NULL;
    PSMB_RESOURCE resourceEntry = NULL;

    status = ClusterRegOpenKey(ResourceKey, PARAM_KEYNAME, KEY_ALL_ACCESS,
                               &parametersKey);
    if (status != ERROR_SUCCESS) {
        (g_LogEvent)(ResourceHandle, LOG_ERROR,
                     L"Unable to open Parameters key. Error: %1!u!.\n", status);
        goto exit;
    }
    resourceEntry = (PSMB_RESOURCE)LocalAlloc(LMEM_FIXED, sizeof(SMB_RESOURCE));
    if (resourceEntry == NULL) {
        status = GetLastError();
        (g_LogEvent)(ResourceHandle, LOG_ERROR,
                     L"Unable to allocate resource entry structure. Error: %1!u!.\n",
                     status);
        goto exit;
    }
    ZeroMemory(resourceEntry, sizeof(SMB_RESOURCE));
    resourceEntry->ResId = (RESID)resourceEntry;
    resourceEntry->ResourceHandle = ResourceHandle;
    resourceEntry->ParametersKey = parametersKey;
    resourceEntry->State = ClusterResourceOffline;
    resourceEntry->ResourceName =
        (LPWSTR)LocalAlloc(LMEM_FIXED, (lstrlenW(ResourceName) + 1) * sizeof(WCHAR));
    if (resourceEntry->ResourceName == NULL) {
        status = GetLastError();
        goto exit;
    }
    lstrcpyW(resourceEntry->ResourceName, ResourceName);
    resid = (RESID)resourceEntry;

exit:
    if (resid == 0) {
        if (parametersKey != NULL)
            ClusterRegCloseKey(parametersKey);
        if (resourceEntry != NULL) {
            LocalFree(resourceEntry->ResourceName);
            LocalFree(resourceEntry);
        }
    }
    if (status != ERROR_SUCCESS)
        SetLastError(status);
    return resid;
}

RESID WINAPI SmbOldOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    RESID resid = 0;
    HKEY parametersKey = NULL;
    PSMB_RESOURCE resourceEntry = NULL;

    status = ClusterRegOpenKey(ResourceKey, PARAM_KEYNAME, KEY_ALL_ACCESS,
                               &parametersKey);
    if (status != ERROR_SUCCESS)
        goto exit;
    resourceEntry = (PSMB_RESOURCE)LocalAlloc(LPTR, sizeof(SMB_RESOURCE));
    if (resourceEntry == NULL)
        goto exit; // Bug: status is still ERROR_SUCCESS
    resourceEntry->ResId = (RESID)resourceEntry;
    resourceEntry->ParametersKey = parametersKey;
    resid = (RESID)resourceEntry;

exit:
    if (resid == 0 && parametersKey != NULL)
        ClusterRegCloseKey(parametersKey);
    if (status != ERROR_SUCCESS)
        SetLastError(status);
    // CHECK: :[[@LINE+10]]:5: warning: OpenV2 entry point 'SmbOldOpenV2' returns NULL ('return resid'), but the last error set at line [[#@LINE-12]] may be overwritten by 'ClusterRegCloseKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-15]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE-13]]:9: note: 'resourceEntry == NULL' is true
    // CHECK-NEXT: :[[@LINE-7]]:9: note: 'resid == 0' is true
    // CHECK-NEXT: :[[@LINE-8]]:23: note: 'parametersKey != NULL' is true
    // CHECK-NEXT: :[[@LINE-8]]:9: note: 'ClusterRegCloseKey' may overwrite the last error
    // CHECK-NEXT: :[[@LINE-8]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE-19]]:36: note: 'LocalAlloc' sets the last error here
    // CHECK-NEXT: :[[@LINE-11]]:9: note: 'ClusterRegCloseKey' may overwrite the last error here
    // CHECK-NEXT: :[[@LINE+11]]:5: note: 'SmbOldOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_SmbOldFunctionTable.V2Functions.Open'
    return resid;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    g_SmbFunctionTable.V2Functions.Open = SmbOpenV2;
    g_SmbOldFunctionTable.V2Functions.Open = SmbOldOpenV2;
    *ResourceDllInterfaceFunctions =
        MinVersionSupported > CLRES_VERSION_V2_00 ? &g_SmbFunctionTable
                                                  : &g_SmbOldFunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 1 finding in 1 file
