// This file holds the online code of a DLL whose OpenV2 and function table
// live in another file. The handle field is assigned there, so reading it
// here is not a finding (a field no function of this file assigns is
// unknown), and OpenV2 is not reported. OnlineV2 is still an entry point for
// the rule because of its signature and RESID parameter: passing its
// EventHandle parameter as the resource handle is reported.
// RUN: not %resdll-check --checks=-*,resdll-status-wrong-handle %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE ResourceHandle;
    CLUS_WORKER Worker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

extern PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

static DWORD WINAPI OnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;

    ZeroMemory(&status, sizeof(status));
    status.ResourceState = ClusterResourceOnline;
    g_Callbacks->SetResourceStatusEx(resource->ResourceHandle, &status);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    // CHECK: :[[@LINE+1]]:5: warning: LogEvent in 'DemoOnlineV2' receives '*EventHandle' as its ResourceHandle, but that is the parameter 'EventHandle' of the OnlineV2 entry point 'DemoOnlineV2' [resdll-status-wrong-handle]
    g_Callbacks->LogEvent(*EventHandle, LOG_INFORMATION, L"Online.\n");
    g_Callbacks->LogEvent(resource->ResourceHandle, LOG_INFORMATION, L"Online.\n");
    return ClusWorkerCreate(&resource->Worker, OnlineThread, resource) == ERROR_SUCCESS
               ? ERROR_IO_PENDING : ERROR_GEN_FAILURE;
}
// CHECK: 1 finding in 1 file
