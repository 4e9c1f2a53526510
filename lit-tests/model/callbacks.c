// Calls of the Resource Monitor's callbacks, recognised by the types of the
// callee expressions: a global of the resapi.h typedef, a global of the
// DLL's own typedef of it, a member of CLRES_CALLBACK_FUNCTION_TABLE, a
// local copy, a field of the resource, a pointer declared with the exact
// shape but no typedef (and one through a typedef of that shape), an
// explicit dereference, and each kind: SetResourceStatusEx, the V1
// SetResourceStatus, LogEvent, SetResourceLockedMode, SignalFailure. Calls
// through pointers of other shapes, and of functions, are not callbacks.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: callback'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef PSET_RESOURCE_STATUS_ROUTINE_EX MY_STATUS_ROUTINE;
typedef DWORD (WINAPI *SAME_SHAPE)(RESOURCE_HANDLE, PRESOURCE_STATUS_EX);

typedef struct CB_RESOURCE {
    RESOURCE_HANDLE Handle;
    PSET_RESOURCE_STATUS_ROUTINE_EX SetStatus;
} CB_RESOURCE, *PCB_RESOURCE;

static PCLRES_CALLBACK_FUNCTION_TABLE g_Monitor;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatusEx;
static MY_STATUS_ROUTINE g_Sugar;
static DWORD (WINAPI *g_Raw)(RESOURCE_HANDLE, PRESOURCE_STATUS_EX);
static SAME_SHAPE g_SameShape;
static PSET_RESOURCE_STATUS_ROUTINE g_SetResourceStatus;
static PLOG_EVENT_ROUTINE g_LogEvent;
static DWORD (WINAPI *g_OtherShape)(RESOURCE_HANDLE, DWORD);

static DWORD ReportStatus(RESOURCE_HANDLE Handle, PRESOURCE_STATUS_EX Status)
{
    return 0;
}

DWORD WINAPI CbOnlineThread(PCLUS_WORKER Worker, LPVOID Context)
{
    PCB_RESOURCE resource = (PCB_RESOURCE)Context;
    RESOURCE_STATUS_EX status = { ClusterResourceOnline };
    RESOURCE_STATUS legacy = { ClusterResourceOnline };
    PSET_RESOURCE_STATUS_ROUTINE_EX local = g_Monitor->SetResourceStatusEx;

    // CHECK: {{.*}}: model: 0 entry points, 0 registrations, 13 callback calls, 0 worker starts
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    g_SetResourceStatusEx(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    g_Sugar(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    g_Monitor->SetResourceStatusEx(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    local(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    resource->SetStatus(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    g_Raw(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    g_SameShape(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatusEx in 'CbOnlineThread'
    (*g_SetResourceStatusEx)(resource->Handle, &status);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceStatus in 'CbOnlineThread'
    g_SetResourceStatus(resource->Handle, &legacy);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback LogEvent in 'CbOnlineThread'
    g_LogEvent(resource->Handle, LOG_INFORMATION, L"Online.\n");
    // CHECK-NEXT: :[[@LINE+1]]:5: callback LogEvent in 'CbOnlineThread'
    g_Monitor->LogEvent(resource->Handle, LOG_INFORMATION, L"Online.\n");
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SetResourceLockedMode in 'CbOnlineThread'
    g_Monitor->SetResourceLockedMode(resource->Handle, TRUE, 0);
    // CHECK-NEXT: :[[@LINE+1]]:5: callback SignalFailure in 'CbOnlineThread'
    g_Monitor->SignalFailure(resource->Handle, FALSE, ERROR_GEN_FAILURE);
    g_OtherShape(resource->Handle, 0);
    ReportStatus(resource->Handle, &status);
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 0 findings in 1 file
