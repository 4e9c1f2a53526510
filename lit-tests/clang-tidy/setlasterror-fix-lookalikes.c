// The SetLastError(status) fix of resdll-openv2-null-without-setlasterror is
// offered only where the error code is known on every path to the return:
// here each return is reported, and none gets a fix.
// REQUIRES: tidy-plugin
// RUN: %resdll-tidy --checks='-*,resdll-openv2-null-without-setlasterror' %s --export-fixes=%t.yaml -- 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: FileCheck %s -check-prefix=YAML < %t.yaml
// YAML-NOT: ReplacementText
// YAML-COUNT-4: DiagnosticName: resdll-openv2-null-without-setlasterror
// YAML-NOT: ReplacementText

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#define FAIL_OPEN() return NULL

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    DWORD Mode;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    HKEY parameters = NULL;
    DWORD status;

    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &parameters);
    resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (status != ERROR_SUCCESS || resource == NULL) {
        // Reached with status == ERROR_SUCCESS when LocalAlloc failed (and
        // set the last error): SetLastError(status) would clear it.
        return NULL;
        // CHECK: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path
    }

    status = ResUtilGetDwordValue(parameters, L"Mode", &resource->Mode, 0);
    if (status != ERROR_SUCCESS) {
        // The name 'status' means another variable here.
        DWORD status = ERROR_INVALID_DATA;
        LocalFree(resource);
        return NULL;
        // CHECK: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path
    }

    status = ResUtilGetDwordValue(parameters, L"Flags", &resource->Mode, 0);
    if (status != ERROR_SUCCESS) {
        LocalFree(resource);
        // Written by a macro: the return's text is not the file's.
        FAIL_OPEN();
        // CHECK: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('FAIL_OPEN()') without calling SetLastError on this path
    }

    if (OpenFlags != 0) {
        // A count, not an error code: never compared with ERROR_SUCCESS.
        DWORD count = OpenFlags;
        if (count != 0) {
            LocalFree(resource);
            return NULL;
            // CHECK: :[[@LINE-1]]:13: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path
        }
    }
    resource->Handle = ResourceHandle;
    resource->ParametersKey = parameters;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) { LocalFree(Resource); }
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
