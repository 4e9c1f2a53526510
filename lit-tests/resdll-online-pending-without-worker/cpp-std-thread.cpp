// C++: std::thread running a lambda that reports the status (clean for
// Online); a std::thread whose lambda never reports (finding for Offline).
// RUN: not %resdll-check '--checks=-*,resdll-online-pending-without-worker' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <thread>

struct DemoResource {
    RESOURCE_HANDLE Handle;
    std::thread Worker;
    HANDLE Process;
};

static PCLRES_CALLBACK_FUNCTION_TABLE g_Monitor;

extern "C" DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                                     DWORD OnlineFlags, PBYTE InBuffer,
                                     DWORD InBufferSize, DWORD Reserved)
{
    auto *resource = static_cast<DemoResource *>(Resource);
    resource->Worker = std::thread([resource] {
        RESOURCE_STATUS_EX status{};
        status.ResourceState = ClusterResourceOnline;
        g_Monitor->SetResourceStatusEx(resource->Handle, &status);
    });
    return ERROR_IO_PENDING;
}

extern "C" DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                                      DWORD OfflineFlags, PBYTE InBuffer,
                                      DWORD InBufferSize, DWORD Reserved)
{
    auto *resource = static_cast<DemoResource *>(Resource);
    resource->Worker = std::thread([resource] {
        TerminateProcess(resource->Process, 0);
    });
    resource->Worker.detach();
    // CHECK: cpp-std-thread.cpp:[[@LINE+3]]:5: warning: OfflineV2 entry point 'DemoOfflineV2' returns ERROR_IO_PENDING ('return ERROR_IO_PENDING'), but the worker it starts on this path (the lambda) never reports the resource status: the pending Offline never ends [resdll-online-pending-without-worker]
    // CHECK-NEXT: cpp-std-thread.cpp:[[@LINE-5]]:24: note: the lambda is started here by std::thread and never calls SetResourceStatusEx
    // CHECK-NEXT: cpp-std-thread.cpp:[[@LINE+9]]:5: note: 'DemoOfflineV2' is registered as the OfflineV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Offline'
    return ERROR_IO_PENDING;
}

static CLRES_FUNCTION_TABLE g_FunctionTable;

extern "C" void DemoRegister()
{
    g_FunctionTable.V2Functions.Online = DemoOnlineV2;
    g_FunctionTable.V2Functions.Offline = DemoOfflineV2;
}
// CHECK-NEXT: 1 finding in 1 file
