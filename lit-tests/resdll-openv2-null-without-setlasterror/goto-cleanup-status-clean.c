// The goto-cleanup style with a status variable, done right: every failure
// jumps to the cleanup label with a nonzero status, the cleanup frees what
// was allocated and then calls SetLastError(status), and the returned pointer
// is null exactly when the status is nonzero. No finding.
// RUN: %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define SHARE_PARAMETERS L"Parameters"

typedef struct SHARE_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ResourceKey;
    HKEY ParametersKey;
    LPWSTR ShareName;
    LPWSTR Path;
    HANDLE StopEvent;
} SHARE_RESOURCE, *PSHARE_RESOURCE;

static CLRES_FUNCTION_TABLE g_ShareTable;
static PLOG_EVENT_ROUTINE g_LogEvent;

static void ShareFree(PSHARE_RESOURCE Share)
{
    if (Share->StopEvent != NULL)
        CloseHandle(Share->StopEvent);
    if (Share->ParametersKey != NULL)
        ClusterRegCloseKey(Share->ParametersKey);
    LocalFree(Share->ShareName);
    LocalFree(Share->Path);
    LocalFree(Share);
}

RESID WINAPI ShareOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    PSHARE_RESOURCE share = NULL;

    share = (PSHARE_RESOURCE)LocalAlloc(LPTR, sizeof(SHARE_RESOURCE));
    if (share == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    share->Handle = ResourceHandle;
    share->ResourceKey = ResourceKey;

    status = ClusterRegOpenKey(ResourceKey, SHARE_PARAMETERS, KEY_READ,
                               &share->ParametersKey);
    if (status != ERROR_SUCCESS) {
        g_LogEvent(ResourceHandle, LOG_ERROR,
                   L"Unable to open the Parameters key, error %1!u!.\n", status);
        goto cleanup;
    }

    share->ShareName = ResUtilGetSzValue(share->ParametersKey, L"ShareName");
    if (share->ShareName == NULL) {
        status = GetLastError();
        goto cleanup;
    }

    share->Path = ResUtilGetSzValue(share->ParametersKey, L"Path");
    if (share->Path == NULL) {
        status = ERROR_INVALID_PARAMETER;
        goto cleanup;
    }

    share->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (share->StopEvent == NULL) {
        status = GetLastError();
        goto cleanup;
    }

cleanup:
    if (status != ERROR_SUCCESS) {
        if (share != NULL) {
            ShareFree(share);
            share = NULL;
        }
        SetLastError(status);
    }
    return (RESID)share;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    g_ShareTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_ShareTable.Version = CLRES_VERSION_V2_00;
    g_ShareTable.V2Functions.Open = ShareOpenV2;
    *ResourceDllInterfaceFunctions = &g_ShareTable;
    return ERROR_SUCCESS;
}
// CHECK: 0 findings in 1 file
