// Helpers that wrap an API of the model: one returns LocalAlloc's result,
// one stores CreateEventW's handle in the resource and returns FALSE when
// it failed. The caller's test of the helper's result is the test of the
// API's failure: accepted by default, reported with --strict, which asks for
// an explicit SetLastError.
// RUN: %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %resdll-check --strict %s 2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct TIMER_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE StopEvent;
    HANDLE Timer;
} TIMER_RESOURCE, *PTIMER_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

static PTIMER_RESOURCE TimerAllocate(void)
{
    return (PTIMER_RESOURCE)LocalAlloc(LPTR, sizeof(TIMER_RESOURCE));
}

static BOOL TimerCreateEvents(PTIMER_RESOURCE Timer)
{
    Timer->StopEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (Timer->StopEvent == NULL)
        return FALSE;
    Timer->Timer = CreateWaitableTimerW(NULL, TRUE, NULL);
    if (Timer->Timer == NULL) {
        DWORD status = GetLastError();
        CloseHandle(Timer->StopEvent);
        SetLastError(status);
        return FALSE;
    }
    return TRUE;
}

RESID WINAPI TimerOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PTIMER_RESOURCE timer = TimerAllocate();

    if (timer == NULL)
        // STRICT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'TimerOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-2]]:9: note: 'timer == NULL' is true
        // STRICT-NEXT: :[[@LINE+18]]:5: note: 'TimerOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    if (!TimerCreateEvents(timer))
        // STRICT-NEXT: :[[@LINE+5]]:9: warning: OpenV2 entry point 'TimerOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // STRICT-NEXT: :[[@LINE-7]]:9: note: 'timer == NULL' is false
        // STRICT-NEXT: :[[@LINE-3]]:10: note: 'TimerCreateEvents' may return without setting the last error
        // STRICT-NEXT: :[[@LINE-4]]:9: note: '!TimerCreateEvents(timer)' is true
        // STRICT-NEXT: :[[@LINE+11]]:5: note: 'TimerOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL; // leaks timer, but the last error is right
    timer->Handle = ResourceHandle;
    return (RESID)timer;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = TimerOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK: 0 findings in 1 file
// STRICT-NEXT: 2 findings in 1 file
