// Macros are inline code: a macro that sets the error and returns, one that
// only returns, a macro wrapping SetLastError with ERROR_SUCCESS, and entry
// points named and registered through token pasting. Findings point at the
// macro's use in the function.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define RESOURCE_PREFIX Mq
#define ENTRY(prefix, name) prefix##name
#define MQ_ENTRY(name) ENTRY(Mq, name)

#define FAIL_OPEN(status)          \
    do {                           \
        SetLastError(status);      \
        return NULL;               \
    } while (0)

#define BAIL_OUT() return NULL

#define CLEAR_ERROR() SetLastError(NO_ERROR)

#define CHECK_PARAMETER(p) \
    if ((p) == NULL)       \
        FAIL_OPEN(ERROR_INVALID_PARAMETER)

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI MQ_ENTRY(OpenV2)(LPCWSTR ResourceName, HKEY ResourceKey,
                              RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD queues = 0;

    CHECK_PARAMETER(ResourceName);
    CHECK_PARAMETER(ResourceKey);
    if (ResUtilGetDwordValue(ResourceKey, L"Queues", &queues, 1) != ERROR_SUCCESS)
        // CHECK: :[[@LINE+5]]:9: warning: OpenV2 entry point 'MqOpenV2' returns NULL ('BAIL_OUT()') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-4]]:5: note: 'CHECK_PARAMETER(ResourceName)' is false
        // CHECK-NEXT: :[[@LINE-4]]:5: note: 'CHECK_PARAMETER(ResourceKey)' is false
        // CHECK-NEXT: :[[@LINE-4]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Queues", &queues, 1) ...' is true
        // CHECK-NEXT: :[[@LINE+37]]:5: note: 'MqOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        BAIL_OUT();
    if (queues == 0) {
        CLEAR_ERROR();
        // CHECK-NEXT: :[[@LINE+7]]:9: warning: OpenV2 entry point 'MqOpenV2' returns NULL ('return NULL') after SetLastError sets the last error to ERROR_SUCCESS [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-12]]:5: note: 'CHECK_PARAMETER(ResourceName)' is false
        // CHECK-NEXT: :[[@LINE-12]]:5: note: 'CHECK_PARAMETER(ResourceKey)' is false
        // CHECK-NEXT: :[[@LINE-12]]:9: note: 'ResUtilGetDwordValue(ResourceKey, L"Queues", &queues, 1) ...' is false
        // CHECK-NEXT: :[[@LINE-6]]:9: note: 'queues == 0' is true
        // CHECK-NEXT: :[[@LINE-6]]:9: note: the last error is set to ERROR_SUCCESS here
        // CHECK-NEXT: :[[@LINE+27]]:5: note: 'MqOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    if (queues > 64)
        FAIL_OPEN(ERROR_INVALID_PARAMETER);
    return (RESID)ResourceHandle;
}

void WINAPI MqClose(RESID Resource) {}
DWORD WINAPI MqOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                        PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}
DWORD WINAPI MqOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                         DWORD OfflineFlags, PBYTE InBuffer, DWORD InBufferSize,
                         DWORD Reserved)
{
    return ERROR_SUCCESS;
}
void WINAPI MqTerminate(RESID Resource) {}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Mq, NULL,
                                NULL, NULL, NULL, NULL, NULL, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
