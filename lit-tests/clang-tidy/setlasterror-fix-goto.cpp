// The SetLastError(status) fix in C++, goto-cleanup style: every path to the
// cleanup's `return nullptr` has a failed status, so the call goes right
// before that return (after the cleanup that may overwrite the last error).
// REQUIRES: tidy-plugin
// RUN: sed -e 's#// *CHECK-[A-Z-]*:.*#//#' %s > %t.cpp
// RUN: %clang-tidy --load=%tidy-plugin --checks='-*,resdll-*' %t.cpp --export-fixes=%t.yaml -- 2>&1 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not='warning:'
// RUN: FileCheck %s -check-prefix=CHECK-YAML < %t.yaml
// RUN: %clang-tidy --load=%tidy-plugin --checks='-*,resdll-*' --fix %t.cpp -- > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --strict-whitespace < %t.cpp

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    DWORD status = ERROR_SUCCESS;
    DWORD mode = 0;
    HKEY parameters = nullptr;

    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &parameters);
    if (status != ERROR_SUCCESS)
        goto error;
    status = ResUtilGetDwordValue(parameters, L"Mode", &mode, 0);
    if (ERROR_SUCCESS != status)
        goto error;
    return static_cast<RESID>(parameters);

error:
    if (parameters != nullptr)
        ClusterRegCloseKey(parameters);
    return nullptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return nullptr') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    // CHECK-YAML: ReplacementText: "SetLastError(status);\n    "
    // CHECK-FIXES: {{^}}        ClusterRegCloseKey(parameters);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    SetLastError(status);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    return nullptr;{{$}}
}

void WINAPI DemoClose(RESID Resource) {}
DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
