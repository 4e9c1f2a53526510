// A project's API model entry with WakesThread: true. OnlineV2 hands the
// request to the DLL's dispatcher (a window thread) with PostMessageW,
// which the built-in model does not know: a finding without the entry, none
// with it.
// RUN: not %resdll-check '--checks=-*,resdll-online-pending-without-worker' %s 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %resdll-check '--checks=-*,resdll-online-pending-without-worker' --config-file=%S/Inputs/wakes-thread.yaml %s 2>&1 | FileCheck %s --check-prefix=WAKES --implicit-check-not=warning:
// WAKES: 0 findings in 1 file

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define WM_DEMO_ONLINE (WM_APP + 1)

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static HWND g_Dispatcher;

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    if (!PostMessageW(g_Dispatcher, WM_DEMO_ONLINE, 0, (LPARAM)Resource)) {
        return GetLastError();
    }
    // CHECK: config-wakes-thread.c:[[@LINE+3]]:5: warning: OnlineV2 entry point 'DemoOnlineV2' returns ERROR_IO_PENDING ('return ERROR_IO_PENDING') on a path that starts no worker: nothing reports the resource status to end the pending Online [resdll-online-pending-without-worker]
    // CHECK-NEXT: config-wakes-thread.c:[[@LINE-4]]:9: note: '!PostMessageW(g_Dispatcher, WM_DEMO_ONLINE, 0, (LPARAM)Re...' is false
    // CHECK-NEXT: config-wakes-thread.c:[[@LINE+6]]:5: note: 'DemoOnlineV2' is registered as the OnlineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Online'
    return ERROR_IO_PENDING;
}

void DemoRegister(void)
{
    g_FunctionTable.V2Functions.Online = DemoOnlineV2;
}
// CHECK-NEXT: 1 finding in 1 file
