// The same polling loop in a function that no thread start runs (OpenV2's
// helper) is not this rule's business.
// RUN: %resdll-check '--checks=-*,resdll-worker-no-terminate-check' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
    CLUS_WORKER OfflineWorker;
    HANDLE StopEvent;
    HANDLE Process;
    LPWSTR Path;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static void DemoWaitForFile(PDEMO_RESOURCE Resource)
{
    while (GetFileAttributesW(Resource->Path) == INVALID_FILE_ATTRIBUTES) {
        Sleep(250);
    }
}

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource =
        (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(DEMO_RESOURCE));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    resource->Path = ResUtilGetSzValue(ResourceKey, L"Path");
    if (resource->Path != NULL) {
        DemoWaitForFile(resource);
    }
    return (RESID)resource;
}
// CHECK: 0 findings in 1 file
