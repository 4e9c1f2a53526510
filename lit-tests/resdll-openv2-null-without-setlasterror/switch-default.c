// The default label of a switch, and a switch without one: the path where
// no case matches is followed with the case values excluded. A default that
// returns NULL without SetLastError is reported, and so is a switch without
// a default whose fall-out path returns NULL; a switch that covers every
// value of an enumeration has no fall-out path.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define NET_FAMILY_IPV4 2
#define NET_FAMILY_IPV6 23

typedef enum NET_KIND { NetKindIPv4, NetKindIPv6, NetKindAny } NET_KIND;

static CLRES_FUNCTION_TABLE g_FunctionTable, g_FallOutTable, g_CleanTable;

static NET_KIND NetKindOf(DWORD Flags)
{
    if (Flags & 1)
        return NetKindIPv4;
    if (Flags & 2)
        return NetKindIPv6;
    return NetKindAny;
}

RESID WINAPI NetOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                       RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD family = 0;
    DWORD status = ResUtilGetDwordValue(ResourceKey, L"Family", &family,
                                        NET_FAMILY_IPV4);

    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return NULL;
    }
    switch (family) {
    case NET_FAMILY_IPV4:
    case NET_FAMILY_IPV6:
        break;
    default:
        // Bug: an unknown address family fails without an error code.
        // CHECK: :[[@LINE+4]]:9: warning: OpenV2 entry point 'NetOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-11]]:9: note: 'status != ERROR_SUCCESS' is false
        // CHECK-NEXT: :[[@LINE-4]]:5: note: 'default:' is taken
        // CHECK-NEXT: :[[@LINE+67]]:5: note: 'NetOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return NULL;
    }
    return (RESID)ResourceHandle;
}

RESID WINAPI NetFallOutOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                              RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD family = 0;
    DWORD status = ResUtilGetDwordValue(ResourceKey, L"Family", &family,
                                        NET_FAMILY_IPV4);

    if (status != ERROR_SUCCESS) {
        SetLastError(status);
        return NULL;
    }
    switch (family) {
    case NET_FAMILY_IPV4:
        return (RESID)ResourceHandle;
    case NET_FAMILY_IPV6:
        SetLastError(ERROR_NOT_SUPPORTED);
        break;
    }
    // Bug: reached with the last error set (IPv6) and when no case matches.
    // CHECK-NEXT: :[[@LINE+4]]:5: warning: OpenV2 entry point 'NetFallOutOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-NEXT: :[[@LINE-13]]:9: note: 'status != ERROR_SUCCESS' is false
    // CHECK-NEXT: :[[@LINE-10]]:5: note: no case of the switch matches
    // CHECK-NEXT: :[[@LINE+40]]:5: note: 'NetFallOutOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FallOutTable.V2Functions.Open'
    return NULL;
}

RESID WINAPI NetCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                            RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD family = 0;
    DWORD status = ResUtilGetDwordValue(ResourceKey, L"Family", &family,
                                        NET_FAMILY_IPV4);

    if (status != ERROR_SUCCESS)
        family = 0;
    switch (family) {
    case NET_FAMILY_IPV4:
    case NET_FAMILY_IPV6:
        break;
    default:
        SetLastError(status != ERROR_SUCCESS ? status : ERROR_INVALID_PARAMETER);
        return NULL;
    }

    // Every value of NET_KIND has a case: no path leaves the switch unmatched.
    switch (NetKindOf(OpenFlags)) {
    case NetKindIPv4:
    case NetKindIPv6:
        return (RESID)ResourceHandle;
    case NetKindAny:
        SetLastError(ERROR_INVALID_PARAMETER);
        break;
    }
    return NULL;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = NetOpenV2;
    g_FallOutTable.V2Functions.Open = NetFallOutOpenV2;
    g_CleanTable.V2Functions.Open = NetCleanOpenV2;
    if (MinVersionSupported > CLRES_VERSION_V2_00)
        *ResourceDllInterfaceFunctions = &g_CleanTable;
    else if (MaxVersionSupported > CLRES_VERSION_V2_00)
        *ResourceDllInterfaceFunctions = &g_FallOutTable;
    else
        *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 2 findings in 1 file
