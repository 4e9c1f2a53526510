// In SARIF, the path of a finding is its codeFlow: the status call, the
// branch taken on the Terminate path, the loop back edge. The later event
// is a related location (linked from the message), and the log passes the
// SARIF and GitHub rules.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' --format=sarif -o %t.sarif %s
// RUN: FileCheck %s --input-file=%t.sarif
// RUN: %if sarif-multitool %{ %sarif-validate %t.sarif %}

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    CLUS_WORKER OnlineWorker;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;

static DWORD WINAPI DemoOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    ZeroMemory(&status, sizeof(status));
    for (;;) {
        DWORD exitState = g_SetResourceStatus(resource->Handle, &status);
        if (exitState == ResourceExitStateTerminate) {
            g_LogEvent(resource->Handle, LOG_WARNING, L"terminated\n");
        }
    }
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusWorkerCreate(&resource->OnlineWorker, DemoOnlineThread, resource);
    return ERROR_IO_PENDING;
}

// CHECK:      "results": [
// CHECK:        "codeFlows": [
// CHECK:          "threadFlows": [
// CHECK:            "text": "SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate"
// CHECK:            "startColumn": 27,
// CHECK-NEXT:       "startLine": 27
// CHECK:            "text": "'exitState == ResourceExitStateTerminate' is true"
// CHECK:            "startLine": 28
// CHECK:            "text": "then worker routine 'DemoOnlineThread' goes round the loop again"
// CHECK:            "startLine": 26
// CHECK:        "level": "error",
// CHECK:        "message": {
// CHECK-NEXT:     "text": "worker routine 'DemoOnlineThread' goes on although the exit state of 'g_SetResourceStatus(resource->Handle, &status)' is ResourceExitStateTerminate: it goes round the loop again; it must return instead ([the loop goes round again here](1); ['DemoOnlineThread' runs on a thread started by ClusWorkerCreate here](2))"
// CHECK:        "relatedLocations": [
// CHECK:            "text": "the loop goes round again here"
// CHECK:            "text": "'DemoOnlineThread' runs on a thread started by ClusWorkerCreate here"
// CHECK:        "ruleId": "resdll-worker-ignores-terminate"
