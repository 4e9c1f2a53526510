// The UnknownCallsClobber option: by default a call to a function that is
// neither in the API model nor defined here (a logging library, a call
// through an unknown pointer) is taken to keep the last error; with the
// option on, from the nearest .resdll-check.yaml or from --config-file, it
// may overwrite it. The monitor's callbacks (LogEvent) and functions of the
// DLL that touch nothing stay harmless either way.
// RUN: %resdll-check %s 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %resdll-check --config-file=%S/Inputs/unknown-calls-clobber/.resdll-check.yaml %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: rm -rf %t && mkdir -p %t && cp %S/Inputs/unknown-calls-clobber/.resdll-check.yaml %t/ && cp %s %t/dll.c
// RUN: not %resdll-check %t/dll.c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

// An external tracing library of the product.
void TraceOpenFailure(LPCWSTR ResourceName, DWORD Status);

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PLOG_EVENT_ROUTINE g_LogEvent;
static void (*g_OnOpenFailure)(DWORD Status);
static LONG g_Failures;

static void CountFailure(void)
{
    g_Failures++;
}

RESID WINAPI TraceOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceKey == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        TraceOpenFailure(ResourceName, ERROR_INVALID_PARAMETER);
        // CHECK: :[[@LINE+6]]:9: warning: OpenV2 entry point 'TraceOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by 'TraceOpenFailure' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'ResourceKey == NULL' is true
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'TraceOpenFailure' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-5]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'TraceOpenFailure' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+30]]:5: note: 'TraceOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (OpenFlags != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        g_OnOpenFailure(ERROR_INVALID_PARAMETER);
        // CHECK-NEXT: :[[@LINE+7]]:9: warning: OpenV2 entry point 'TraceOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-2]] may be overwritten by the call through 'g_OnOpenFailure' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-15]]:9: note: 'ResourceKey == NULL' is false
        // CHECK-NEXT: :[[@LINE-5]]:9: note: 'OpenFlags != 0' is true
        // CHECK-NEXT: :[[@LINE-4]]:9: note: the call through 'g_OnOpenFailure' may overwrite the last error
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set here
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the call through 'g_OnOpenFailure' may overwrite the last error here
        // CHECK-NEXT: :[[@LINE+18]]:5: note: 'TraceOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (ResourceName == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        g_LogEvent(ResourceHandle, LOG_ERROR, L"No resource name.\n");
        CountFailure();
        return NULL;
    }
    return (RESID)ResourceHandle;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_LogEvent = MonitorCallbackFunctions->LogEvent;
    g_FunctionTable.V2Functions.Open = TraceOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// DEFAULT: 0 findings in 1 file
// CHECK-NEXT: 2 findings in 1 file
