// The model's entry points and registrations in C++: lambdas converted to
// POPEN_V2_ROUTINE (in an aggregate initialiser, a member assignment,
// through a variable holding the lambda), static member functions,
// static_cast / reinterpret_cast / functional casts, typedef'd and
// using-declared pointer types, and functions in namespaces. A lambda with
// captures cannot convert and registers nothing; neither does a member
// function pointer.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: registration' '--implicit-check-not=: entry-point'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

using OpenRoutine = POPEN_V2_ROUTINE;
typedef OpenRoutine OPEN_ALIAS;

namespace dll {

struct Resource {
    // CHECK: {{.*}}: model: 9 entry points, 9 registrations, 0 callback calls, 0 worker starts
    // CHECK-NEXT: :[[@LINE+1]]:25: entry-point OpenV2 'dll::Resource::Open'
    static RESID WINAPI Open(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
    // CHECK-NEXT: :[[@LINE+1]]:24: entry-point Close 'dll::Resource::Close'
    static void WINAPI Close(RESID r) {}
    RESID Member(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
};

// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'dll::StaticCastOpenV2'
RESID WINAPI StaticCastOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'dll::LooseOpen'
void *WINAPI LooseOpen(const wchar_t *n, void *k, void *h, unsigned long f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'dll::FunctionalOpenV2'
RESID WINAPI FunctionalOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:14: entry-point OpenV2 'dll::AliasOpenV2'
RESID WINAPI AliasOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }

} // namespace dll

static const CLRES_V2_FUNCTIONS g_Functions = {
    // CHECK-NEXT: :[[@LINE+2]]:5: entry-point OpenV2 'lambda'
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'lambda' as OpenV2: aggregate-initialiser (g_Functions.Open)
    [](LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) -> RESID { return h; },
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'dll::Resource::Close' as Close: aggregate-initialiser (g_Functions.Close)
    &dll::Resource::Close,
};

static CLRES_FUNCTION_TABLE g_Table;

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    // CHECK-NEXT: :[[@LINE+2]]:5: registration of 'lambda' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    // CHECK-NEXT: :[[@LINE+1]]:32: entry-point OpenV2 'lambda'
    g_Table.V2Functions.Open = [](LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) -> RESID {
        return h;
    };
    // CHECK-NEXT: :[[@LINE+1]]:17: entry-point OpenV2 'lambda'
    auto held = [](LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) -> RESID { return nullptr; };
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'lambda' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    g_Table.V2Functions.Open = held;
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'dll::Resource::Open' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    g_Table.V2Functions.Open = &dll::Resource::Open;
    // CHECK-NEXT: :[[@LINE+1]]:5: registration of 'dll::StaticCastOpenV2' as OpenV2: member-assignment (g_Table.V2Functions.Open)
    g_Table.V2Functions.Open = static_cast<POPEN_V2_ROUTINE>(dll::StaticCastOpenV2);
    // CHECK-NEXT: :[[@LINE+1]]:46: registration of 'dll::LooseOpen' as OpenV2: explicit-cast
    void *untyped = reinterpret_cast<void *>(reinterpret_cast<POPEN_V2_ROUTINE>(dll::LooseOpen));
    // CHECK-NEXT: :[[@LINE+1]]:24: registration of 'dll::AliasOpenV2' as OpenV2: conversion (alias)
    OPEN_ALIAS alias = dll::AliasOpenV2;
    // CHECK-NEXT: :[[@LINE+1]]:49: registration of 'dll::FunctionalOpenV2' as OpenV2: explicit-cast
    void *functional = reinterpret_cast<void *>(OpenRoutine(dll::FunctionalOpenV2));
    int captured = 0;
    auto capturing = [&captured](LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) -> RESID {
        return captured ? h : nullptr;
    };
    RESID (dll::Resource::*member)(LPCWSTR, HKEY, RESOURCE_HANDLE, DWORD) = &dll::Resource::Member;
    (void)untyped;
    (void)alias;
    (void)functional;
    (void)capturing;
    (void)member;
    g_Table.V2Functions = g_Functions;
    *ResourceDllInterfaceFunctions = &g_Table;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 0 findings in 1 file
