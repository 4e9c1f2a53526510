// clang-tidy's own test style for the check resdll-openv2-null-without-setlasterror,
// through clang-tidy-19 --load and through resdll-tidy: CHECK-MESSAGES are
// the diagnostics (warning, path steps and related locations as notes),
// CHECK-FIXES the source after --fix. The CHECK lines are blanked out of the
// copy that is checked, so line numbers stay those of this file.
// REQUIRES: tidy-plugin
// RUN: sed -e 's#// *CHECK-[A-Z-]*:.*#//#' %s > %t.c
// RUN: %clang-tidy --load=%tidy-plugin --checks='-*,resdll-openv2-null-without-setlasterror' %t.c -- 2>&1 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %resdll-tidy --checks='-*,resdll-openv2-null-without-setlasterror' %t.c -- 2>&1 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %resdll-tidy --checks='-*,resdll-openv2-null-without-setlasterror' --fix %t.c -- 2>&1 \
// RUN:   | FileCheck %s -check-prefix=CHECK-APPLIED
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --strict-whitespace < %t.c
// After the fixes (one line longer) only the returns without a known error
// code are left.
// RUN: %resdll-tidy --checks='-*,resdll-openv2-null-without-setlasterror' %t.c -- 2>&1 \
// RUN:   | FileCheck %s -check-prefix=CHECK-AFTER --implicit-check-not='warning:'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    HKEY SoftwareKey;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    HKEY parameters = NULL, software = NULL;
    DWORD status;
    LONG rc;

    if (ResourceName == NULL) {
        return NULL;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-MESSAGES-NEXT: {{^ *}}[[#@LINE-2]] | return NULL;{{$}}
        // CHECK-MESSAGES-NEXT: {{^ *}}| ^~~~~~~~~~~{{$}}
        // CHECK-MESSAGES-NEXT: :[[#NAMEIF:@LINE-5]]:9: note: 'ResourceName == NULL' is true
        // CHECK-MESSAGES: :[[#REG:]]:5: note: 'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        // No error code is known here: the return is left alone.
        // CHECK-FIXES: {{^}}    if (ResourceName == NULL) {{{$}}
        // CHECK-FIXES-NEXT: {{^}}        return NULL;{{$}}
        // CHECK-AFTER: :[[@LINE-9]]:9: warning: OpenV2 entry point 'DemoOpenV2'
    }

    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &parameters);
    if (status != ERROR_SUCCESS) {
        return NULL;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-MESSAGES: :[[#NAMEIF]]:9: note: 'ResourceName == NULL' is false
        // CHECK-MESSAGES: :[[#STATUSIF:@LINE-4]]:9: note: 'status != ERROR_SUCCESS' is true
        // CHECK-MESSAGES: :[[#REG]]:5: note: 'DemoOpenV2' is registered
        // The status of the failed call is the error: set it.
        // CHECK-FIXES: {{^}}    if (status != ERROR_SUCCESS) {{{$}}
        // CHECK-FIXES-NEXT: {{^}}        SetLastError(status);{{$}}
        // CHECK-FIXES-NEXT: {{^}}        return NULL;{{$}}
    }

    rc = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Demo", 0, KEY_READ, &software);
    if (rc != ERROR_SUCCESS)
        return NULL;
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-MESSAGES: :[[#NAMEIF]]:9: note: 'ResourceName == NULL' is false
    // CHECK-MESSAGES: :[[#STATUSIF]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-MESSAGES: :[[#RCIF:@LINE-5]]:9: note: 'rc != ERROR_SUCCESS' is true
    // CHECK-MESSAGES: :[[#REG]]:5: note: 'DemoOpenV2' is registered
    // An unbraced body gets braces with the call.
    // CHECK-FIXES: {{^}}    if (rc != ERROR_SUCCESS){{$}}
    // CHECK-FIXES-NEXT: {{^}}        { SetLastError(rc); return NULL; }{{$}}

    resource = (PDEMO_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                         sizeof(*resource));
    if (resource == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        ClusterRegCloseKey(parameters);
        RegCloseKey(software);
        return NULL;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL'), but the last error set at line [[#@LINE-4]] may be overwritten by 'ClusterRegCloseKey' before OpenV2 returns NULL [resdll-openv2-null-without-setlasterror]
        // CHECK-MESSAGES: :[[#NAMEIF]]:9: note: 'ResourceName == NULL' is false
        // CHECK-MESSAGES: :[[#STATUSIF]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-MESSAGES: :[[#RCIF]]:9: note: 'rc != ERROR_SUCCESS' is false
        // CHECK-MESSAGES: :[[@LINE-9]]:9: note: 'resource == NULL' is true
        // CHECK-MESSAGES: :[[@LINE-8]]:9: note: 'ClusterRegCloseKey' may overwrite the last error{{$}}
        // CHECK-MESSAGES: :[[@LINE-10]]:9: note: the last error is set here
        // CHECK-MESSAGES: :[[@LINE-10]]:9: note: 'ClusterRegCloseKey' may overwrite the last error here
        // CHECK-MESSAGES: :[[#REG]]:5: note: 'DemoOpenV2' is registered
        // Overwritten, not missing: no fix.
        // CHECK-FIXES: {{^}}        RegCloseKey(software);{{$}}
        // CHECK-FIXES-NEXT: {{^}}        return NULL;{{$}}
        // CHECK-AFTER: :[[#@LINE-13+1]]:9: warning: OpenV2 entry point 'DemoOpenV2'
    }
    resource->Handle = ResourceHandle;
    resource->ParametersKey = parameters;
    resource->SoftwareKey = software;

    // Suppressed findings. (A NOLINT also hides the notes of other findings
    // on its lines, and clang-tidy then drops their later notes: these come
    // last, so that no other finding's path goes through them.)
    if (OpenFlags == 1) {
        return NULL; // NOLINT(resdll-openv2-null-without-setlasterror)
    }
    if (OpenFlags == 2) {
        // NOLINTNEXTLINE(resdll-openv2-null-without-setlasterror)
        return NULL;
    }
    // NOLINTBEGIN(resdll-*)
    if (OpenFlags == 3) {
        return NULL;
    }
    // NOLINTEND(resdll-*)
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) { HeapFree(GetProcessHeap(), 0, Resource); }
DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-MESSAGES: Suppressed 3 warnings (3 NOLINT).
// CHECK-APPLIED: clang-tidy applied 2 of 2 suggested fixes.
