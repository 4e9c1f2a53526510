// The forms of a discarded value (AnalysisContext::isValueDiscarded): an
// expression statement in a loop body, the left operand of a comma, a
// (void) cast, a for loop's increment, a branch of a conditional used as a
// statement. Each is the "discards" message.
// RUN: not %resdll-check '--checks=-*,resdll-worker-ignores-terminate' %s 2>&1 | FileCheck %s --implicit-check-not=warning:

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

static DWORD WINAPI DemoFormsThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Context;
    RESOURCE_STATUS_EX status;
    int i;

    ZeroMemory(&status, sizeof(status));
    // CHECK: discarded-forms.c:[[@LINE+5]]:6: warning: worker routine 'DemoFormsThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:6: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: discarded-forms.c:[[@LINE+3]]:54: note: then worker routine 'DemoFormsThread' waits in 'Sleep'
    // CHECK-NEXT: discarded-forms.c:[[@LINE+2]]:54: note: 'Sleep' blocks here
    // CHECK-NEXT: discarded-forms.c:[[@LINE+34]]:14: note: 'DemoFormsThread' runs on a thread started by ClusWorkerCreate here
    (g_SetResourceStatus(resource->Handle, &status), Sleep(10));
    // CHECK-NEXT: discarded-forms.c:[[@LINE+5]]:11: warning: worker routine 'DemoFormsThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:11: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:5: note: then worker routine 'DemoFormsThread' waits in 'Sleep'
    // CHECK-NEXT: discarded-forms.c:[[@LINE+3]]:5: note: 'Sleep' blocks here
    // CHECK-NEXT: discarded-forms.c:[[@LINE+28]]:14: note: 'DemoFormsThread' runs on a thread started by ClusWorkerCreate here
    (void)g_SetResourceStatus(resource->Handle, &status);
    Sleep(10);
    // CHECK-NEXT: discarded-forms.c:[[@LINE+5]]:24: warning: worker routine 'DemoFormsThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then goes round the loop again; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:24: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: discarded-forms.c:[[@LINE+3]]:5: note: then worker routine 'DemoFormsThread' goes round the loop again
    // CHECK-NEXT: discarded-forms.c:[[@LINE+2]]:5: note: the loop goes round again here
    // CHECK-NEXT: discarded-forms.c:[[@LINE+21]]:14: note: 'DemoFormsThread' runs on a thread started by ClusWorkerCreate here
    for (i = 0; i < 3; g_SetResourceStatus(resource->Handle, &status)) {
        i++;
    }
    // CHECK-NEXT: discarded-forms.c:[[@LINE+5]]:33: warning: worker routine 'DemoFormsThread' discards the exit state of 'g_SetResourceStatus(resource->Handle, &status)' and then waits in 'Sleep'; it must return when the exit state is ResourceExitStateTerminate [resdll-worker-ignores-terminate]
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:33: note: SetResourceStatusEx returns the exit state here; it may be ResourceExitStateTerminate
    // CHECK-NEXT: discarded-forms.c:[[@LINE+5]]:5: note: then worker routine 'DemoFormsThread' waits in 'Sleep'
    // CHECK-NEXT: discarded-forms.c:[[@LINE+4]]:5: note: 'Sleep' blocks here
    // CHECK-NEXT: discarded-forms.c:[[@LINE+13]]:14: note: 'DemoFormsThread' runs on a thread started by ClusWorkerCreate here
    resource->Process != NULL ? g_SetResourceStatus(resource->Handle, &status)
                              : 0;
    Sleep(10);
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    DWORD status;

    status = ClusWorkerCreate(&resource->OnlineWorker, DemoFormsThread, resource);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    return ERROR_IO_PENDING;
}
// CHECK-NEXT: 4 findings in 1 file
