// Helpers of the DLL that set the last error on every path: calling one
// right before `return NULL` is enough (its summary is computed from its
// body). A helper that returns the error code instead of setting it is not,
// and a helper called too early is overwritten by what follows.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct APP_RESOURCE {
    RESOURCE_HANDLE Handle;
    LPWSTR CommandLine;
    HANDLE Job;
} APP_RESOURCE, *PAPP_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PLOG_EVENT_ROUTINE g_LogEvent;

// Sets the last error on every path.
static void AppFailOpen(RESOURCE_HANDLE Handle, DWORD Status)
{
    g_LogEvent(Handle, LOG_ERROR, L"Open failed: %1!u!.\n", Status);
    SetLastError(Status == ERROR_SUCCESS ? ERROR_GEN_FAILURE : Status);
}

// Sets the last error through another helper, and returns NULL for the
// caller's convenience.
static RESID AppFail(RESOURCE_HANDLE Handle, DWORD Status)
{
    AppFailOpen(Handle, Status);
    return NULL;
}

// Returns the error instead of setting it.
static DWORD AppValidate(LPCWSTR CommandLine)
{
    if (CommandLine == NULL || CommandLine[0] == L'\0')
        return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}

static void AppFree(PAPP_RESOURCE App)
{
    if (App->Job != NULL)
        CloseHandle(App->Job);
    LocalFree(App->CommandLine);
    LocalFree(App);
}

RESID WINAPI AppOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PAPP_RESOURCE app;
    DWORD status;

    status = AppValidate(ResourceName);
    if (status != ERROR_SUCCESS) {
        // Bug: AppValidate returns the error, it does not set it.
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'AppOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE+50]]:5: note: 'AppOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    app = (PAPP_RESOURCE)LocalAlloc(LPTR, sizeof(*app));
    if (app == NULL) {
        AppFailOpen(ResourceHandle, ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    app->Handle = ResourceHandle;
    app->CommandLine = ResUtilGetSzValue(ResourceKey, L"CommandLine");
    status = AppValidate(app->CommandLine);
    if (status != ERROR_SUCCESS) {
        AppFree(app);
        return AppFail(ResourceHandle, status);
    }
    app->Job = CreateJobObjectW(NULL, NULL);
    if (app->Job == NULL) {
        status = GetLastError();
        AppFree(app);
        return AppFail(ResourceHandle, status);
    }
    status = ResUtilSetResourceServiceEnvironment(ResourceName, ResourceHandle,
                                                   g_LogEvent, ResourceHandle);
    if (status != ERROR_SUCCESS) {
        // Bug: AppFree may overwrite what AppFailOpen set.
        AppFailOpen(ResourceHandle, status);
        AppFree(app);
        // CHECK-NEXT: :[[@LINE+10]]:9: warning: OpenV2 entry point 'AppOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'AppFree' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-32]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-25]]:9: note: 'app == NULL' is false
        // CHECK-NEXT: :[[@LINE-19]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-15]]:9: note: 'app->Job == NULL' is false
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-NEXT: :[[@LINE-7]]:9: note: 'AppFree' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'AppFailOpen' sets the last error here
        // CHECK-NEXT: :[[@LINE-9]]:9: note: 'AppFree' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+14]]:5: note: 'AppOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    return (RESID)app;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = AppOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
