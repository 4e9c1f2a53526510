// The model's entry points and registrations in C, one line each in source
// order: CLRES_V2_FUNCTION_TABLE_SET, CLRES_V1_FUNCTION_TABLE, assignments
// to table members (direct, through pointers), aggregate initialisers of
// CLRES_FUNCTION_TABLE / CLRES_V2_FUNCTIONS / CLRES_V1_FUNCTIONS and of an
// array of routines, conversions to POPEN_V2_ROUTINE (variable, argument,
// return value, both arms of ?:), an explicit cast, and typedef'd pointer
// types. Pointers of other types, and routines only called, register
// nothing.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: registration' '--implicit-check-not=: entry-point'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef POPEN_V2_ROUTINE MY_OPEN_ROUTINE;
typedef MY_OPEN_ROUTINE MY_OPEN_ROUTINE2;
typedef PCLOSE_ROUTINE MY_CLOSE_ROUTINE;

// CHECK: {{.*}}: model: 33 entry points, 36 registrations, 0 callback calls, 0 worker starts
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'SetOpenV2'
RESID WINAPI SetOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point Close 'SetClose'
void WINAPI SetClose(RESID r) {}
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OnlineV2 'SetOnlineV2'
DWORD WINAPI SetOnlineV2(RESID r, LPHANDLE e, DWORD f, PBYTE b, DWORD s, DWORD x) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OfflineV2 'SetOfflineV2'
DWORD WINAPI SetOfflineV2(RESID r, LPCWSTR d, DWORD f, PBYTE b, DWORD s, DWORD x) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point Terminate 'SetTerminate'
void WINAPI SetTerminate(RESID r) {}
// CHECK-NEXT: :[[@LINE+2]]:13: entry-point LooksAlive 'SetIsAlive'
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point IsAlive 'SetIsAlive'
BOOL WINAPI SetIsAlive(RESID r) { return TRUE; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Arbitrate 'SetArbitrate'
DWORD WINAPI SetArbitrate(RESID r, PQUORUM_RESOURCE_LOST l) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Release 'SetRelease'
DWORD WINAPI SetRelease(RESID r) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point ResourceControl 'SetResourceControl'
DWORD WINAPI SetResourceControl(RESID r, DWORD c, PVOID i, DWORD is, PVOID o, DWORD os, LPDWORD ret) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point ResourceTypeControl 'SetResourceTypeControl'
DWORD WINAPI SetResourceTypeControl(LPCWSTR t, DWORD c, PVOID i, DWORD is, PVOID o, DWORD os, LPDWORD ret) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Cancel 'SetCancel'
DWORD WINAPI SetCancel(RESID r, DWORD f) { return 0; }

// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Open 'V1Open'
RESID WINAPI V1Open(LPCWSTR n, HKEY k, RESOURCE_HANDLE h) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point Close 'V1Close'
void WINAPI V1Close(RESID r) {}
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Online 'V1Online'
DWORD WINAPI V1Online(RESID r, LPHANDLE e) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Offline 'V1Offline'
DWORD WINAPI V1Offline(RESID r) { return 0; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point Terminate 'V1Terminate'
void WINAPI V1Terminate(RESID r) {}
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point LooksAlive 'V1LooksAlive'
BOOL WINAPI V1LooksAlive(RESID r) { return TRUE; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point IsAlive 'V1IsAlive'
BOOL WINAPI V1IsAlive(RESID r) { return TRUE; }

// CHECK-NEXT: :[[@LINE+7]]:1: registration of 'V1Open' as Open: aggregate-initialiser (g_V1Table.V1Functions.Open)
// CHECK-NEXT: :[[@LINE+6]]:1: registration of 'V1Close' as Close: aggregate-initialiser (g_V1Table.V1Functions.Close)
// CHECK-NEXT: :[[@LINE+5]]:1: registration of 'V1Online' as Online: aggregate-initialiser (g_V1Table.V1Functions.Online)
// CHECK-NEXT: :[[@LINE+4]]:1: registration of 'V1Offline' as Offline: aggregate-initialiser (g_V1Table.V1Functions.Offline)
// CHECK-NEXT: :[[@LINE+3]]:1: registration of 'V1Terminate' as Terminate: aggregate-initialiser (g_V1Table.V1Functions.Terminate)
// CHECK-NEXT: :[[@LINE+2]]:1: registration of 'V1LooksAlive' as LooksAlive: aggregate-initialiser (g_V1Table.V1Functions.LooksAlive)
// CHECK-NEXT: :[[@LINE+1]]:1: registration of 'V1IsAlive' as IsAlive: aggregate-initialiser (g_V1Table.V1Functions.IsAlive)
CLRES_V1_FUNCTION_TABLE(g_V1Table, CLRES_VERSION_V1_00, V1, NULL, NULL, NULL, NULL);

// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'MemberOpenV2'
RESID WINAPI MemberOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'PointerOpenV2'
RESID WINAPI PointerOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'TableOpenV2'
RESID WINAPI TableOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'FunctionsOpenV2'
RESID WINAPI FunctionsOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'ArrayOpenV2'
RESID WINAPI ArrayOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'VariableOpenV2'
RESID WINAPI VariableOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'ArgumentOpenV2'
RESID WINAPI ArgumentOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'ReturnedOpenV2'
RESID WINAPI ReturnedOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'ThenOpenV2'
RESID WINAPI ThenOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'ElseOpenV2'
RESID WINAPI ElseOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'CastOpen'
RESID WINAPI CastOpen(LPCWSTR n, HKEY k, PVOID h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'SugarOpenV2'
RESID WINAPI SugarOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point Open 'V1FunctionsOpen'
RESID WINAPI V1FunctionsOpen(LPCWSTR n, HKEY k, RESOURCE_HANDLE h) { return h; }
RESID WINAPI CalledOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
RESID WINAPI UntypedOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'CastOnlyOpenV2'
RESID WINAPI CastOnlyOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }

static CLRES_FUNCTION_TABLE g_Table;
static CLRES_FUNCTION_TABLE g_AggregateTable = {
    CLRES_V2_FUNCTION_SIZE, CLRES_VERSION_V2_00,
    // CHECK-NEXT: :[[@LINE+2]]:32: registration of 'TableOpenV2' as OpenV2: aggregate-initialiser (g_AggregateTable.V2Functions.Open)
    // CHECK-NEXT: :[[@LINE+1]]:54: registration of 'SetClose' as Close: aggregate-initialiser (g_AggregateTable.V2Functions.Close)
    { .V2Functions = { .Open = TableOpenV2, .Close = SetClose } },
};
// CHECK-NEXT: :[[@LINE+1]]:49: registration of 'FunctionsOpenV2' as OpenV2: aggregate-initialiser (g_Functions.Open)
static const CLRES_V2_FUNCTIONS g_Functions = { FunctionsOpenV2 };
// CHECK-NEXT: :[[@LINE+1]]:51: registration of 'V1FunctionsOpen' as Open: aggregate-initialiser (g_V1Functions.Open)
static const CLRES_V1_FUNCTIONS g_V1Functions = { V1FunctionsOpen };
// CHECK-NEXT: :[[@LINE+2]]:45: registration of 'MemberOpenV2' as OpenV2: aggregate-initialiser (g_Opens[0])
// CHECK-NEXT: :[[@LINE+1]]:59: registration of 'ArrayOpenV2' as OpenV2: aggregate-initialiser (g_Opens[1])
static const POPEN_V2_ROUTINE g_Opens[] = { MemberOpenV2, ArrayOpenV2 };
static PVOID g_Untyped = UntypedOpenV2;
// CHECK-NEXT: :[[@LINE+1]]:23: registration of 'CastOnlyOpenV2' as OpenV2: explicit-cast
static PVOID g_Cast = (POPEN_V2_ROUTINE)CastOnlyOpenV2;
// CHECK-NEXT: :[[@LINE+1]]:35: registration of 'SetClose' as Close: conversion (g_Close)
static MY_CLOSE_ROUTINE g_Close = SetClose;

static void Register(PCLRES_FUNCTION_TABLE Table, MY_OPEN_ROUTINE2 Open)
{
    Table->V2Functions.Open = Open;
}

static MY_OPEN_ROUTINE Pick(BOOL First)
{
    // CHECK-NEXT: :[[@LINE+2]]:5: registration of 'ThenOpenV2' as OpenV2: conversion (return value)
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'ElseOpenV2' as OpenV2: conversion (return value)
    return First ? ThenOpenV2 : ElseOpenV2;
}

static POPEN_V2_ROUTINE PickOne(void)
{
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'ReturnedOpenV2' as OpenV2: conversion (return value)
    return ReturnedOpenV2;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    PCLRES_FUNCTION_TABLE table = &g_Table;
    // CHECK-NEXT: :[[@LINE+1]]:29: registration of 'VariableOpenV2' as OpenV2: conversion (open)
    POPEN_V2_ROUTINE open = VariableOpenV2;
    // CHECK-NEXT: :[[@LINE+1]]:29: registration of 'SugarOpenV2' as OpenV2: conversion (sugar)
    MY_OPEN_ROUTINE sugar = SugarOpenV2;

    // CHECK-NEXT: :[[@LINE+12]]:5: registration of 'SetOpenV2' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    // CHECK-NEXT: :[[@LINE+11]]:5: registration of 'SetClose' as Close: member-assignment (g_Table.V2Functions.Close)
    // CHECK-NEXT: :[[@LINE+10]]:5: registration of 'SetOnlineV2' as OnlineV2: member-assignment (g_Table.V2Functions.Online)
    // CHECK-NEXT: :[[@LINE+9]]:5: registration of 'SetOfflineV2' as OfflineV2: member-assignment (g_Table.V2Functions.Offline)
    // CHECK-NEXT: :[[@LINE+8]]:5: registration of 'SetTerminate' as Terminate: member-assignment (g_Table.V2Functions.Terminate)
    // CHECK-NEXT: :[[@LINE+7]]:5: registration of 'SetIsAlive' as LooksAlive: member-assignment (g_Table.V2Functions.LooksAlive)
    // CHECK-NEXT: :[[@LINE+6]]:5: registration of 'SetIsAlive' as IsAlive: member-assignment (g_Table.V2Functions.IsAlive)
    // CHECK-NEXT: :[[@LINE+5]]:5: registration of 'SetArbitrate' as Arbitrate: member-assignment (g_Table.V2Functions.Arbitrate)
    // CHECK-NEXT: :[[@LINE+4]]:5: registration of 'SetRelease' as Release: member-assignment (g_Table.V2Functions.Release)
    // CHECK-NEXT: :[[@LINE+3]]:5: registration of 'SetResourceControl' as ResourceControl: member-assignment (g_Table.V2Functions.ResourceControl)
    // CHECK-NEXT: :[[@LINE+2]]:5: registration of 'SetResourceTypeControl' as ResourceTypeControl: member-assignment (g_Table.V2Functions.ResourceTypeControl)
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'SetCancel' as Cancel: member-assignment (g_Table.V2Functions.Cancel)
    CLRES_V2_FUNCTION_TABLE_SET(g_Table, CLRES_VERSION_V2_00, Set, SetArbitrate,
                                SetRelease, SetResourceControl,
                                SetResourceTypeControl, SetIsAlive, SetIsAlive,
                                SetCancel);
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'MemberOpenV2' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    g_Table.V2Functions.Open = MemberOpenV2;
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'PointerOpenV2' as OpenV2: member-assignment (table->V2Functions.Open)
    table->V2Functions.Open = PointerOpenV2;
    // CHECK-NEXT: :[[@LINE+1]]:21: registration of 'ArgumentOpenV2' as OpenV2: conversion (argument of 'Register')
    Register(table, ArgumentOpenV2);
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'CastOpen' as OpenV2: member-assignment ((*ResourceDllInterfaceFunctions)->V2Functions.Open)
    (*ResourceDllInterfaceFunctions)->V2Functions.Open = (POPEN_V2_ROUTINE)CastOpen;
    g_AggregateTable.V2Functions = g_Functions;
    g_Table.V1Functions = g_V1Functions;
    CalledOpenV2(NULL, NULL, NULL, 0);
    (void)open;
    (void)sugar;
    (void)Pick(TRUE);
    (void)PickOne();
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 0 findings in 1 file
