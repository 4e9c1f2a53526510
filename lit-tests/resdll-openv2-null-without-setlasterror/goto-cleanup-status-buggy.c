// The goto-cleanup style gone wrong, three ways: the cleanup frees the
// resource but never calls SetLastError; SetLastError runs before a cleanup
// helper that may overwrite it; a failure path jumps to the cleanup without
// setting the status, so the cleanup's SetLastError is skipped.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct SHARE_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    LPWSTR ShareName;
    HANDLE StopEvent;
} SHARE_RESOURCE, *PSHARE_RESOURCE;

static CLRES_FUNCTION_TABLE g_NoSetTable, g_EarlySetTable, g_NoStatusTable;

static void ShareFree(PSHARE_RESOURCE Share)
{
    if (Share->StopEvent != NULL)
        CloseHandle(Share->StopEvent);
    if (Share->ParametersKey != NULL)
        ClusterRegCloseKey(Share->ParametersKey);
    LocalFree(Share->ShareName);
    LocalFree(Share);
}

RESID WINAPI NoSetOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    PSHARE_RESOURCE share = NULL;

    share = (PSHARE_RESOURCE)LocalAlloc(LPTR, sizeof(SHARE_RESOURCE));
    if (share == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &share->ParametersKey);
    if (status != ERROR_SUCCESS)
        goto cleanup;

cleanup:
    if (status != ERROR_SUCCESS) {
        if (share != NULL) {
            ShareFree(share);
            share = NULL;
        }
    }
    // CHECK: :[[@LINE+6]]:5: warning: OpenV2 entry point 'NoSetOpenV2' returns NULL ('return (RESID)share') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-17]]:9: note: 'share == NULL' is false
    // CHECK-NEXT: :[[@LINE-12]]:9: note: 'status != ERROR_SUCCESS' is true
    // CHECK-NEXT: :[[@LINE-9]]:9: note: 'status != ERROR_SUCCESS' is true
    // CHECK-NEXT: :[[@LINE-9]]:13: note: 'share != NULL' is true
    // CHECK-NEXT: :[[@LINE+81]]:5: note: 'NoSetOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_NoSetTable.V2Functions.Open'
    return (RESID)share;
}

RESID WINAPI EarlySetOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                            RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    PSHARE_RESOURCE share = NULL;

    share = (PSHARE_RESOURCE)LocalAlloc(LPTR, sizeof(SHARE_RESOURCE));
    if (share == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &share->ParametersKey);
    if (status != ERROR_SUCCESS)
        goto cleanup;

cleanup:
    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        if (share != NULL) {
            ShareFree(share);
            share = NULL;
        }
    }
    // CHECK-NEXT: :[[@LINE+9]]:5: warning: OpenV2 entry point 'EarlySetOpenV2' returns NULL ('return (RESID)share'), but the last error set at line [[#@LINE-6]] may be overwritten by 'ShareFree' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-18]]:9: note: 'share == NULL' is false
    // CHECK-NEXT: :[[@LINE-13]]:9: note: 'status != ERROR_SUCCESS' is true
    // CHECK-NEXT: :[[@LINE-10]]:9: note: 'status != ERROR_SUCCESS' is true
    // CHECK-NEXT: :[[@LINE-9]]:13: note: 'share != NULL' is true
    // CHECK-NEXT: :[[@LINE-9]]:13: note: 'ShareFree' may overwrite the last error
    // CHECK-NEXT: :[[@LINE-12]]:9: note: the last error is set here
    // CHECK-NEXT: :[[@LINE-11]]:13: note: 'ShareFree' may overwrite the last error here
    // CHECK-NEXT: :[[@LINE+46]]:5: note: 'EarlySetOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_EarlySetTable.V2Functions.Open'
    return (RESID)share;
}

RESID WINAPI NoStatusOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                            RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    PSHARE_RESOURCE share = NULL;

    share = (PSHARE_RESOURCE)LocalAlloc(LPTR, sizeof(SHARE_RESOURCE));
    if (share == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    share->ShareName = ResUtilGetSzValue(ResourceKey, L"ShareName");
    if (share->ShareName == NULL || share->ShareName[0] == L'\0') {
        ShareFree(share);
        share = NULL;
        goto cleanup;
    }

cleanup:
    if (status != ERROR_SUCCESS) {
        if (share != NULL)
            ShareFree(share);
        share = NULL;
        SetLastError(status);
    }
    // CHECK-NEXT: :[[@LINE+8]]:5: warning: OpenV2 entry point 'NoStatusOpenV2' returns NULL ('return (RESID)share'), but the last error set at line [[#@LINE-14]] may be overwritten by 'ShareFree' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-19]]:9: note: 'share == NULL' is false
    // CHECK-NEXT: :[[@LINE-15]]:9: note: 'share->ShareName == NULL' is true
    // CHECK-NEXT: :[[@LINE-15]]:9: note: 'ShareFree' may overwrite the last error
    // CHECK-NEXT: :[[@LINE-10]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE-19]]:24: note: 'ResUtilGetSzValue' sets the last error here
    // CHECK-NEXT: :[[@LINE-18]]:9: note: 'ShareFree' may overwrite the last error here
    // CHECK-NEXT: :[[@LINE+11]]:5: note: 'NoStatusOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_NoStatusTable.V2Functions.Open'
    return (RESID)share;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_NoSetTable.V2Functions.Open = NoSetOpenV2;
    g_EarlySetTable.V2Functions.Open = EarlySetOpenV2;
    g_NoStatusTable.V2Functions.Open = NoStatusOpenV2;
    if (lstrcmpiW(ResourceType, L"Share A") == 0)
        *ResourceDllInterfaceFunctions = &g_NoSetTable;
    else if (lstrcmpiW(ResourceType, L"Share B") == 0)
        *ResourceDllInterfaceFunctions = &g_EarlySetTable;
    else
        *ResourceDllInterfaceFunctions = &g_NoStatusTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 3 findings in 1 file
